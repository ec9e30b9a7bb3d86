"""Request bodies, as forms or JSON, read within limits: JSON nested too deep is a 400, not a
crash (Python's parser recurses), and the middleware already refused bodies that are too big."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from kartoteka.web.settings import web

M = TypeVar("M", bound=BaseModel)
CSRF_FIELD = "csrf_token"
DEFAULT_JSON_DEPTH = 32


def json_depth(value: Any) -> int:
    """How deep lists and objects nest in a parsed value (iteratively: no recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json(text: str | bytes, *, max_depth: int = DEFAULT_JSON_DEPTH, what: str = "the body"
               ) -> Any:
    """JSON text as Python values; a 400 naming ``what`` for bad or too deeply nested JSON."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise HTTPException(400, f"{what} nests JSON deeper than {max_depth} levels") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"{what} is not valid JSON: {exc}") from None
    if json_depth(value) > max_depth:
        raise HTTPException(400, f"{what} nests JSON deeper than {max_depth} levels")
    return value


def is_json_request(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


async def request_data(request: Request) -> dict[str, Any]:
    """The body as a dict, from JSON or a form (repeated form fields become lists)."""
    cached = getattr(request.state, "body_data", None)
    if cached is not None:
        return cached
    if is_json_request(request):
        data = parse_json(await request.body(),
                          max_depth=web(request).settings.max_json_depth)
        if not isinstance(data, dict):
            raise HTTPException(400, "the body must be a JSON object")
    else:
        form = await request.form()
        data = {key: values if len(values := form.getlist(key)) > 1 else values[0]
                for key in form.keys()}
    request.state.body_data = data
    return data


def body_of(model: type[M], *, lists: tuple[str, ...] = ()) -> Callable[[Request], Awaitable[M]]:
    """A dependency reading ``model`` from a JSON body or a form."""

    async def parse(request: Request) -> M:
        data = await request_data(request)
        data = {k: v for k, v in data.items() if k not in (CSRF_FIELD, "next")}
        for name in lists:
            value = data.get(name)
            data[name] = [] if value is None else value if isinstance(value, list) else [value]
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc

    return parse


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI for a body that may come as JSON or as a form."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": schema},
        "application/x-www-form-urlencoded": {"schema": schema},
    }}}
