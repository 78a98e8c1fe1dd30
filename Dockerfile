# syntax=docker/dockerfile:1
# Tidings: a small image that applies the migrations at start-up and serves the app (PostgreSQL from DATABASE_URL).

# Build stage: the runtime dependencies (and Redis support, for several replicas) as wheels only, into /install.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['redis']))" > requirements.txt \
    && pip install --no-cache-dir --only-binary=:all: --prefix=/install -r requirements.txt

# Final stage: the same slim Python (no compiler), the installed packages, the source, and a user without rights.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 tidings
COPY --from=build /install /usr/local
WORKDIR /app
COPY --chown=tidings main.py ./
COPY --chown=tidings core core
COPY --chown=tidings ui ui
COPY --chown=tidings api api
COPY --chown=tidings migrations migrations
USER tidings
ENV TIDINGS_HOST=0.0.0.0 \
    TIDINGS_PORT=8080 \
    TIDINGS_DATA_DIR=/app/data \
    NICEGUI_STORAGE_PATH=/app/data/nicegui \
    PYTHONUNBUFFERED=1
EXPOSE 8080
# The home page answers only once the database is reachable and migrated. Five misses in a row (75 s) make the
# container unhealthy, which covers a slow first start (dockerfilelint 1.8 rejects --start-period).
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['TIDINGS_PORT'] + '/', timeout=4)"
CMD ["python", "main.py"]
