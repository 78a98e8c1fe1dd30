"""The Dockerfile's stages, replayed without a Docker engine: each stage is a folder standing for the image's root.

The base image `python:3.11-slim` is stood in for by a fresh virtual environment of this Python at the stage's
`/usr/local` (where that image keeps its Python), so `python` and `pip` in RUN lines are the stage's own. Every
RUN, COPY, WORKDIR and ENV runs as the Dockerfile lists it; the only change is that an absolute path inside the
image (`/install`, `/app`) becomes that path under the stage's folder. Lines that only change the machine's users
(useradd) are left out: the test runs as whoever runs it.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .servers import ROOT

BASE_IMAGE = "python:3.11-slim"
NOT_REPLAYED = ("useradd ",)  # changes the machine's user accounts, not the image's files
_IMAGE_PATH = re.compile(r"(?<![\w:/.$-])/(?:[\w.-]+/?)+")  # an absolute path, but not inside a URL


@dataclass
class Instruction:
    keyword: str
    arguments: str


@dataclass
class Stage:
    base: str
    name: str
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        """The arguments of every instruction with this keyword, in order."""
        return [i.arguments for i in self.instructions if i.keyword == keyword]


def parse(path: Path = ROOT / "Dockerfile") -> list[Stage]:
    """The stages of a Dockerfile, each with its instructions (continuation lines joined, comments dropped)."""
    stages: list[Stage] = []
    text = re.sub(r"\\\n(\s*#.*\n)*", " ", path.read_text())
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, _, arguments = line.strip().partition(" ")
        keyword = word.upper()
        if keyword != "RUN":  # a shell command keeps its spacing; other arguments are words
            arguments = " ".join(arguments.split())
        if keyword == "FROM":
            base, _, name = arguments.partition(" AS ")
            stages.append(Stage(base.strip(), name.strip() or f"stage-{len(stages)}"))
        else:
            stages[-1].instructions.append(Instruction(keyword, arguments.strip()))
    return stages


class Replay:
    """Builds the stages into folders under `folder`; `command` then gives the final image's CMD, ready to run."""

    def __init__(self, folder: Path, context: Path = ROOT) -> None:
        self.folder = folder
        self.context = context
        self.ignored = [p for p in (context / ".dockerignore").read_text().split() if not p.startswith("#")]
        self.roots: dict[str, Path] = {}
        self.env: dict[str, str] = {}
        self.workdir = "/"

    def build(self, stages: list[Stage]) -> None:
        for stage in stages:
            assert stage.base == BASE_IMAGE, f"the replay stands in for {BASE_IMAGE} only, not {stage.base}"
            root = self.roots[stage.name] = self.folder / stage.name
            subprocess.run([sys.executable, "-m", "venv", str(root / "usr" / "local")], check=True, timeout=300)
            self.env, self.workdir = {}, "/"
            for instruction in stage.instructions:
                self._apply(root, instruction)

    def inside(self, root: Path, text: str) -> str:
        """`text` with every absolute image path moved under the stage's folder."""
        return _IMAGE_PATH.sub(lambda match: f"{root}{match.group(0)}", text)

    def environment(self, root: Path) -> dict[str, str]:
        """The process environment in the stage: its ENV lines, and its Python first on PATH."""
        path = f"{root}/usr/local/bin:{os.environ['PATH']}"
        return {**os.environ, **{k: self.inside(root, v) for k, v in self.env.items()}, "PATH": path}

    def command(self, stages: list[Stage], keyword: str = "CMD") -> tuple[list[str], Path, dict[str, str]]:
        """The final stage's CMD (or HEALTHCHECK's command) as argv, with its working folder and environment."""
        final = stages[-1]
        root = self.roots[final.name]
        arguments = final.all(keyword)[-1]
        if keyword == "HEALTHCHECK":
            arguments = arguments[arguments.index(" CMD ") + len(" CMD ") :]
        if arguments.startswith("["):
            argv = [self.inside(root, part) for part in json.loads(arguments)]
        else:
            argv = ["/bin/sh", "-c", self.inside(root, arguments)]  # Docker's shell form
        return argv, Path(self.inside(root, self.workdir)), self.environment(root)

    def _apply(self, root: Path, instruction: Instruction) -> None:
        keyword, arguments = instruction.keyword, instruction.arguments
        if keyword == "WORKDIR":
            self.workdir = os.path.join(self.workdir, arguments)
            Path(self.inside(root, self.workdir)).mkdir(parents=True, exist_ok=True)
        elif keyword == "ENV":
            self.env.update(dict(pair.split("=", 1) for pair in shlex.split(arguments)))
        elif keyword == "COPY":
            self._copy(root, shlex.split(arguments))
        elif keyword == "RUN" and not arguments.startswith(NOT_REPLAYED):
            subprocess.run(
                ["/bin/sh", "-c", self.inside(root, arguments)],
                cwd=self.inside(root, self.workdir),
                env=self.environment(root),
                check=True,
                timeout=900,
            )

    def _copy(self, root: Path, words: list[str]) -> None:
        options = {w.split("=", 1)[0]: w.split("=", 1)[1] for w in words if w.startswith("--")}
        *sources, target = [w for w in words if not w.startswith("--")]
        origin = self.roots[options["--from"]] if "--from" in options else self.context
        destination = Path(self.inside(root, os.path.join(self.workdir, target)))
        for source in sources:
            path = Path(self.inside(origin, source) if "--from" in options else origin / source)
            if path.is_dir():
                ignore = None if "--from" in options else self._ignore  # .dockerignore filters the context only
                shutil.copytree(path, destination, dirs_exist_ok=True, ignore=ignore)
            else:
                if target.endswith("/"):
                    destination.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination / path.name if destination.is_dir() else destination)

    def _ignore(self, folder: str, names: list[str]) -> set[str]:
        """What .dockerignore leaves out: `**/x` anywhere, other patterns relative to the context."""
        relative = Path(folder).resolve().relative_to(self.context.resolve())
        return {name for name in names if any(self._matches(relative / name, p) for p in self.ignored)}

    @staticmethod
    def _matches(path: Path, pattern: str) -> bool:
        if pattern.startswith("**/"):
            return fnmatch.fnmatch(path.name, pattern.removeprefix("**/"))
        return fnmatch.fnmatch(str(path), pattern)
