"""The OpenAPI document FastAPI generates for /api has the contract's operations (and Tidings' additions, named
here), and /api/docs shows it."""

from __future__ import annotations

from typing import Any

import yaml
from nicegui import app
from nicegui.testing import User

from .api_client import api_client
from .servers import ROOT

CONTRACT = yaml.safe_load((ROOT / "tests" / "realworld" / "openapi.yml").read_text())
METHODS = ("get", "put", "post", "delete", "patch")
# Tidings' additions to the contract, each described as one in its own documentation (and in the README): whole
# operations, and parameters of the contract's own.
NEW_OPERATIONS = {
    ("/uploads", "post"): {
        "operationId": "UploadPicture",
        "tags": ["Uploads"],
        "parameters": [],
        "body": True,
        "success": ["201"],
        "security": [{"Token": []}],
    }
}
NEW_PARAMETERS = {("/articles", "get"): [("query", "q", False)]}


def operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Each operation's identity, parameters, body, success status and security, keyed by path and method."""
    found = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            if (operation := item.get(method)) is None:
                continue
            found[path, method] = {
                "operationId": operation["operationId"],
                "tags": operation["tags"],
                "parameters": sorted((p["in"], p["name"], p.get("required", False)) for p in _parameters(operation)),
                "body": "requestBody" in operation,
                "success": sorted(status for status in operation["responses"] if status.startswith("2")),
                "security": operation.get("security", []),
            }
    return found


def _described(document: dict[str, Any], key: tuple[str, str], name: str) -> str:
    parameters = document["paths"][key[0]][key[1]]["parameters"]
    return str(next(p for p in parameters if p["name"] == name).get("description", ""))


def _parameters(operation: dict[str, Any]) -> list[dict[str, Any]]:
    shared = CONTRACT["components"]["parameters"]
    return [shared[p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p for p in operation.get("parameters", [])]


async def test_the_generated_document_has_exactly_the_contracts_operations_and_the_additions() -> None:
    async with api_client() as http:
        document = (await http.get("/openapi.json")).json()
    ours, theirs = operations(document), operations(CONTRACT) | NEW_OPERATIONS
    assert sorted(ours) == sorted(theirs)
    for key, expected in theirs.items():
        added = NEW_PARAMETERS.get(key, [])
        assert ours[key] == {**expected, "parameters": sorted([*expected["parameters"], *added])}, key
        assert all("addition to the contract" in _described(document, key, name) for _, name, _ in added)
    assert set(document["components"]["securitySchemes"]) == {"Token"}


async def test_the_docs_are_served_under_api_on_the_pages_own_app(user: User) -> None:
    # The `user` fixture runs main.py, which mounts the API on NiceGUI's app.
    async with api_client(app) as http:
        docs = await http.get("/docs")
        document = await http.get("/openapi.json")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
    assert "/api/openapi.json" in docs.text
    assert document.json()["info"]["title"] == "Tidings API (RealWorld Conduit)"
