"""Logging in and out, the session as JSON, and user management for admins."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from kartoteka.store.users import (
    MAX_NAME_LENGTH,
    MAX_PASSWORD_LENGTH,
    ROLES,
    authenticate,
    create_user,
    delete_user,
    end_session,
    list_users,
    open_session,
    set_password,
    set_role,
)
from kartoteka.web.auth import (
    Viewer,
    WebSession,
    account_holder,
    admin,
    csrf_protect,
    current_viewer,
    login_failed,
    login_succeeded,
    login_wait,
    web_session,
)
from kartoteka.web.body import body_of, body_schema, is_json_request, request_data
from kartoteka.web.curation_schemas import SessionInfo, UserList, UserOut
from kartoteka.web.pages import page, render, safe_next
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["accounts"])


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)
    role: str = Field("viewer", max_length=16)


class RoleChange(BaseModel):
    role: str = Field(max_length=16)


class PasswordChange(BaseModel):
    current: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)
    new: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)


UserName = Annotated[str, Path(min_length=1, max_length=MAX_NAME_LENGTH)]


def session_info(request: Request, session: WebSession | None = None,
                 viewer: Viewer | None = None) -> SessionInfo:
    session = session or web_session(request)
    viewer = viewer or current_viewer(request)
    return SessionInfo(user=viewer.name, role=viewer.role, csrf_token=session.csrf,
                       can_edit=viewer.can_edit)


@router.get("/api/session", response_model=SessionInfo,
            summary="Who is logged in, and the CSRF token to send with every POST")
def whoami(request: Request) -> SessionInfo:
    return session_info(request)


@router.get("/login", include_in_schema=False, response_class=HTMLResponse)
def login_form(request: Request,
               next: Annotated[str | None, Query(max_length=2000)] = None,  # noqa: A002
               ) -> HTMLResponse:
    return render(request, "login.html", next=safe_next(next) or "/persons", error=None)


async def _login_fields(request: Request) -> dict[str, Any]:
    data = await body_of(LoginRequest)(request)
    raw = await request_data(request)
    return {"username": data.username, "password": data.password, "next": raw.get("next")}


def _refuse_login(request: Request, status: int, message: str, target: str,
                  headers: dict[str, str] | None = None) -> Response:
    if is_json_request(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    response = render(request, "login.html", status_code=status, next=target, error=message)
    response.headers.update(headers or {})
    return response


@router.post("/login", response_model=SessionInfo, openapi_extra=body_schema(LoginRequest),
             dependencies=[Depends(csrf_protect)], summary="Log in (form or JSON)")
def login(request: Request,
          fields: Annotated[dict[str, Any], Depends(_login_fields)]) -> Response:
    # Who is asking is read first: the login page may be shown again from inside the write
    # below, and a second connection must not wait on it. The write is committed before the
    # answer leaves, so the browser's next request finds the new session.
    current_viewer(request)
    with web(request).store.session() as session:
        return _log_in(request, session, fields)


def _log_in(request: Request, session: Session, fields: dict[str, Any]) -> Response:
    user, target = fields["username"].strip(), safe_next(fields["next"]) or "/persons"
    wait = login_wait(session, request, user)
    if wait > 0:
        return _refuse_login(request, 429, "too many failed logins: try again in a minute",
                             target, {"Retry-After": str(wait)})
    row = authenticate(session, user, fields["password"])
    if row is None:
        login_failed(session, request, user)
        return _refuse_login(request, 401, "wrong user name or password", target)
    login_succeeded(session, request, user)
    old = web_session(request).sid
    if old:
        end_session(session, old)
    # A new session (and CSRF token) on login: a token seen before cannot be replayed after.
    fresh = WebSession.fresh(open_session(session, row))
    request.state.new_session = fresh
    if is_json_request(request):
        info = session_info(request, fresh, Viewer(row.name, row.role))
        return JSONResponse(jsonable_encoder(info))
    return RedirectResponse(target, status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_protect)], summary="Log out")
def logout(request: Request) -> Response:
    sid = web_session(request).sid
    if sid:
        with web(request).store.session() as session:
            end_session(session, sid)
    request.state.new_session = WebSession.fresh()
    if is_json_request(request):
        return JSONResponse({"user": None})
    return RedirectResponse("/login", status_code=303)


@router.get("/account/password", include_in_schema=False, response_class=HTMLResponse)
def password_form(request: Request, _me: Annotated[Viewer, Depends(account_holder)]
                  ) -> HTMLResponse:
    return render(request, "password.html", error=None, done=False)


@router.post("/api/account/password", openapi_extra=body_schema(PasswordChange),
             dependencies=[Depends(csrf_protect)],
             summary="Change your own password (every other session of yours ends)")
def change_password(request: Request, me: Annotated[Viewer, Depends(account_holder)],
                    body: Annotated[PasswordChange, Depends(body_of(PasswordChange))],
                    ) -> Response:
    with web(request).store.session() as session:  # committed before the answer leaves
        return _change_password(request, session, me.name or "", body)


def _change_password(request: Request, session: Session, name: str, body: PasswordChange
                     ) -> Response:
    wait = login_wait(session, request, name)
    row = authenticate(session, name, body.current) if wait == 0 else None
    if row is None:
        if wait == 0:
            login_failed(session, request, name)
        message = "the current password is wrong" if wait == 0 else "too many tries: wait"
        if is_json_request(request):
            return JSONResponse({"detail": message}, status_code=403 if wait == 0 else 429)
        return render(request, "password.html", status_code=403, error=message, done=False)
    set_password(session, row.name, body.new)
    # Every session ended with the old password; this browser goes on in a new one.
    fresh = WebSession.fresh(open_session(session, row))
    request.state.new_session = fresh
    if is_json_request(request):
        return JSONResponse({"name": row.name, "password_changed": True,
                             "csrf_token": fresh.csrf})
    return render(request, "password.html", error=None, done=True)


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
             summary="Change a user's role (their sessions end)",
             dependencies=[Depends(csrf_protect)])
def change_role(request: Request, name: UserName, _admin: Annotated[Viewer, Depends(admin)],
                body: Annotated[RoleChange, Depends(body_of(RoleChange))]) -> Response:
    with web(request).store.session() as session:
        row = set_role(session, name, body.role)
        payload = {"name": row.name, "role": row.role}
    return _done(request, payload)


@router.post("/api/users/{name}/delete", summary="Remove a user (their sessions end)",
             dependencies=[Depends(csrf_protect)])
def remove_user(request: Request, name: UserName,
                _admin: Annotated[Viewer, Depends(admin)]) -> Response:
    with web(request).store.session() as session:
        delete_user(session, name)
    return _done(request, {"name": name, "deleted": True})
