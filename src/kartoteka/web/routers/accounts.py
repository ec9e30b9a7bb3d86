"""Logging in and out, the session as JSON, and user management for admins."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from kartoteka.store.users import (
    ROLES,
    authenticate,
    create_user,
    delete_user,
    list_users,
    set_role,
)
from kartoteka.web.auth import WebSession
from kartoteka.web.deps import (
    DbSession,
    Viewer,
    admin,
    body_of,
    body_schema,
    csrf_protect,
    current_viewer,
    is_json_request,
    page,
    render,
    request_data,
    safe_next,
    web,
    web_session,
)
from kartoteka.web.schemas import SessionInfo, UserList, UserOut

router = APIRouter(tags=["accounts"])


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    role: str = "viewer"


class RoleChange(BaseModel):
    role: str


def session_info(request: Request, session: WebSession | None = None) -> SessionInfo:
    if session is None:
        session, viewer = web_session(request), current_viewer(request)
    else:
        role = web(request).role_of(session.user) if session.user else None
        viewer = Viewer(session.user if role else None, role)
    return SessionInfo(user=viewer.name, role=viewer.role, csrf_token=session.csrf,
                       can_edit=viewer.can_edit)


@router.get("/api/session", response_model=SessionInfo,
            summary="Who is logged in, and the CSRF token to send with every POST")
def whoami(request: Request) -> SessionInfo:
    return session_info(request)


@router.get("/login", include_in_schema=False, response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002
    return render(request, "login.html", next=safe_next(next) or "/persons", error=None)


async def _login_fields(request: Request) -> dict[str, Any]:
    data = await body_of(LoginRequest)(request)
    raw = await request_data(request)
    return {"username": data.username, "password": data.password, "next": raw.get("next")}


@router.post("/login", response_model=SessionInfo, openapi_extra=body_schema(LoginRequest),
             dependencies=[Depends(csrf_protect)], summary="Log in (form or JSON)")
def login(request: Request, session: DbSession,
          fields: Annotated[dict[str, Any], Depends(_login_fields)]) -> Response:
    ctx = web(request)
    address = request.client.host if request.client else "?"
    user, target = fields["username"].strip(), safe_next(fields["next"]) or "/persons"
    wait = ctx.limiter.retry_after(address, user)
    if wait > 0:
        message = "too many failed logins: try again in a minute"
        headers = {"Retry-After": str(math.ceil(wait))}
        if is_json_request(request):
            return JSONResponse({"detail": message}, status_code=429, headers=headers)
        response = render(request, "login.html", status_code=429, next=target, error=message)
        response.headers.update(headers)
        return response
    row = authenticate(session, user, fields["password"])
    if row is None:
        ctx.limiter.failed(address, user)
        message = "wrong user name or password"
        if is_json_request(request):
            return JSONResponse({"detail": message}, status_code=401)
        return render(request, "login.html", status_code=401, next=target, error=message)
    ctx.limiter.succeeded(address, user)
    ctx.forget_role(row.name)
    # A new session (and CSRF token) on login: a token seen before cannot be replayed after.
    fresh = WebSession.fresh(row.name)
    request.state.new_session = fresh
    if is_json_request(request):
        return JSONResponse(jsonable_encoder(session_info(request, fresh)))
    return RedirectResponse(target, status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_protect)], summary="Log out")
def logout(request: Request) -> Response:
    request.state.new_session = WebSession.fresh()
    if is_json_request(request):
        return JSONResponse({"user": None})
    return RedirectResponse("/login", status_code=303)


@page(router, "/users", "users.html", model=UserList, summary="Local users (admins only)")
def users(session: DbSession, _admin: Annotated[Viewer, Depends(admin)]) -> UserList:
    return UserList(users=[UserOut(name=u.name, role=u.role, created_at=u.created_at)
                           for u in list_users(session)], roles=list(ROLES))


def _done(request: Request, payload: dict[str, Any]) -> Response:
    if is_json_request(request):
        return JSONResponse(payload)
    return RedirectResponse("/users", status_code=303)


@router.post("/api/users", openapi_extra=body_schema(NewUser), summary="Add a local user",
             dependencies=[Depends(csrf_protect)])
def add_user(request: Request, _admin: Annotated[Viewer, Depends(admin)],
             body: Annotated[NewUser, Depends(body_of(NewUser))]) -> Response:
    with web(request).store.session() as session:
        row = create_user(session, body.name, body.password, body.role)
        return _done(request, {"name": row.name, "role": row.role})


@router.post("/api/users/{name}/role", openapi_extra=body_schema(RoleChange),
             summary="Change a user's role", dependencies=[Depends(csrf_protect)])
def change_role(request: Request, name: str, _admin: Annotated[Viewer, Depends(admin)],
                body: Annotated[RoleChange, Depends(body_of(RoleChange))]) -> Response:
    with web(request).store.session() as session:
        row = set_role(session, name, body.role)
        payload = {"name": row.name, "role": row.role}
    web(request).forget_role(name)
    return _done(request, payload)


@router.post("/api/users/{name}/delete", summary="Remove a user",
             dependencies=[Depends(csrf_protect)])
def remove_user(request: Request, name: str,
                _admin: Annotated[Viewer, Depends(admin)]) -> Response:
    with web(request).store.session() as session:
        delete_user(session, name)
    web(request).forget_role(name)
    return _done(request, {"name": name, "deleted": True})
