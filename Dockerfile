# syntax=docker/dockerfile:1
# Tidings: a small image that applies the migrations and serves the app (PostgreSQL comes from DATABASE_URL).

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml ./
# Only the runtime dependencies are installed; the app itself runs from its source tree below.
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
    && pip install --no-cache-dir --prefix=/install -r requirements.txt

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
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/', timeout=4)"]
CMD ["python", "main.py"]
