"""Schemathesis hooks for `cargo xtask test`'s API contract stage.

The "no soy un robot" check stops generated requests from starting a recovery, as it should stop any
script. The test server's challenges are made nearly free (cost 1, prefix "0"), and this hook solves a
fresh one for every generated `POST /api/v1/recovery` body, so generated calls reach the operation's
own rules and, through the document's links, every later step of a recovery.
"""

import base64
import hashlib
import json
import os
import random
import re
import secrets
import time
import urllib.error
import urllib.request

import schemathesis

BASE_URL = os.environ["RECUPERA_URL"].rstrip("/")
# A generator of our own: Hypothesis seeds the global `random` for each case it draws, which would
# make every "sometimes" below always or never.
CHANCE = random.Random()


def solved_bot_check(action: str = "recovery") -> str:
    with urllib.request.urlopen(f"{BASE_URL}/api/v1/bot-check/challenge?action={action}") as response:
        challenge = json.load(response)
    parameters = challenge["parameters"]
    nonce, salt = bytes.fromhex(parameters["nonce"]), bytes.fromhex(parameters["salt"])
    for counter in range(1 << 20):
        key = hashlib.pbkdf2_hmac(
            "sha256", nonce + counter.to_bytes(4, "big"), salt, parameters["cost"], parameters["keyLength"]
        ).hex()
        if key.startswith(parameters["keyPrefix"]):
            payload = {"challenge": challenge, "solution": {"counter": counter, "derivedKey": key}}
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise RuntimeError("no solution found")


# The dev-mode demo account: recoveries of it get real codes in the dev mailbox, which verify then
# sometimes uses, so generated calls also reach the new password and its rules.
DEMO_EMAIL = "demo@recupera.test"
# The demo account's password now: a run's new-password steps change it (`after_call`).
DEMO_PASSWORD = ["Contraseña-Olvidada-2026"]
CODE = re.compile(r"\b(\d{4} \d{4})\b")


def demo_codes():
    """The codes mailed to the demo account, newest first, with their message ids."""
    with urllib.request.urlopen(f"{BASE_URL}/api/v1/dev/mailbox") as response:
        messages = [m for m in json.load(response) if m["to"] == DEMO_EMAIL]
    for message in sorted(messages, key=lambda m: m["id"], reverse=True):
        found = CODE.search(message["body"])
        if found:
            yield message["id"], found.group(1)


def code_mailed_after(last_id):
    """The code of the first demo message newer than `last_id`: the outbox delivers it a moment after
    the send is answered, so this waits for it (up to three seconds)."""
    for _ in range(30):
        newer = [(id, code) for id, code in demo_codes() if id > last_id]
        if newer:
            return min(newer)[1]
        time.sleep(0.1)
    return None


def code_sent_to(address):
    """The code in the newest message to `address` (a fresh one, so the first to arrive), waiting for
    the outbox to deliver it (up to three seconds); None if none came."""
    for _ in range(30):
        with urllib.request.urlopen(f"{BASE_URL}/api/v1/dev/mailbox") as response:
            found = [CODE.search(m["body"]) for m in json.load(response) if m["to"] == address]
        if found and found[0]:
            return found[0].group(1)
        time.sleep(0.1)
    return None


def newest_demo_message_id():
    return max((id for id, _ in demo_codes()), default=0)


# Flows of the demo account, and the code last sent to each (read from the dev mailbox right after
# the send).
DEMO_FLOWS: set[str] = set()
CODES: dict[str, str] = {}
VERIFIED: set[str] = set()


@schemathesis.hook
def map_case(ctx, case):
    body = case.body
    # Only a schema-valid case may be made a real one: a schema-violating case must stay violating.
    positive = case.meta is None or str(case.meta.generation.mode.value) == "positive"
    flow_id = (case.path_parameters or {}).get("flow_id")
    # Now and then a positive case of a sign-up's later steps (the read and the resend included, whose
    # bodies carry nothing to fill in) gets a real sign-up of its own, started by its "browser": most
    # generated sign-up forms are refused, so the links alone would seldom reach these steps.
    if positive and flow_id is not None and case.path.startswith("/api/v1/sign-up/") and prepare_now(case, 0.15):
        prepared, code = prepared_sign_up()
        if prepared:
            case.path_parameters["flow_id"] = flow_id = prepared
            if code:
                CODES[flow_id] = code
            # Its first code went out at the start; a new one may be asked for after the cool-down,
            # which the contract server makes one second.
            if case.path.endswith("/code"):
                time.sleep(1.1)
    # Mi cuenta's addresses: a positive resend or code gets an address waiting for its code (the
    # first send is the add itself; the contract server's cool-down is one second), and now and then
    # the code that really went to it, so the change itself is reached too.
    kind = (case.path_parameters or {}).get("kind")
    if positive and kind in ("email", "phone") and case.path.startswith("/api/v1/account/{kind}/"):
        if prepare_now(case, 0.3):
            address = waiting_address(kind)
            if case.path.endswith("/code"):
                time.sleep(1.1)
            elif address and isinstance(body, dict) and isinstance(body.get("code"), str):
                body["code"] = address[1] or body["code"]
    # A positive end of one session gets a real one: the run's account signs in again elsewhere (a
    # browser without cookies), and that session's id is taken from the list.
    if positive and case.path == "/api/v1/account/sessions/{session_id}/end" and prepare_now(case, 0.5):
        other = other_session_id()
        if other:
            case.path_parameters["session_id"] = other
    # Now and then a new password comes with the right current one, so the change itself is reached.
    if positive and case.path == "/api/v1/account/password" and isinstance(body, dict) and CHANCE.random() < 0.3:
        body["current_password"] = ACCOUNT_PASSWORD[0]
        body["new_password"] = "Nueva-clave-" + secrets.token_urlsafe(12)
    if not isinstance(body, dict) or case.method.upper() != "POST":
        return case
    if case.path == "/api/v1/recovery" and isinstance(body.get("bot_check"), str):
        body["bot_check"] = solved_bot_check()
        if positive and isinstance(body.get("identifier"), str) and CHANCE.random() < 0.5:
            body["identifier"] = DEMO_EMAIL
    # A sign-in's check, when a generated one carries one, is solved for sign-in (a random string is
    # refused as it should be, which schemathesis would take for a valid request rejected).
    if case.path == "/api/v1/session" and isinstance(body.get("bot_check"), str):
        body["bot_check"] = solved_bot_check("sign_in")
    # A sign-up's check is solved for sign-up; a positive form sometimes gets a password the policy
    # takes (most generated ones are refused), so the sign-up starts and its later steps are reached.
    if case.path == "/api/v1/sign-up" and isinstance(body.get("bot_check"), str):
        body["bot_check"] = solved_bot_check("sign_up")
        if positive and isinstance(body.get("password"), str) and CHANCE.random() < 0.5:
            body["password"] = "Nueva-clave-" + secrets.token_urlsafe(12)
    # Now and then a sign-in is the demo account's, with its password: generated credentials are all
    # refused (401), and an operation that never answers anything else is, to schemathesis, one whose
    # authentication it could not find.
    if positive and case.path == "/api/v1/session" and isinstance(body.get("identifier"), str):
        if isinstance(body.get("password"), str) and CHANCE.random() < 0.2:
            body["identifier"], body["password"] = DEMO_EMAIL, DEMO_PASSWORD[0]
    # Now and then a positive case of a recovery's last two steps gets a flow of its own, ready for it:
    # the links alone reach them by chance, and every run must reach them.
    wants_flow = positive and flow_id is not None and case.path.startswith("/api/v1/recovery/")
    wants_flow = wants_flow and prepare_now(case, 0.15)
    if wants_flow and case.path.endswith("/verify") and isinstance(body.get("code"), str):
        prepared, code = prepared_flow(verified=False)
        if prepared and code:
            case.path_parameters["flow_id"] = flow_id = prepared
            CODES[flow_id] = code
    if wants_flow and case.path.endswith("/password") and flow_id not in VERIFIED:
        prepared, _ = prepared_flow(verified=True)
        if prepared:
            case.path_parameters["flow_id"] = flow_id = prepared
    if positive and case.path.endswith("/verify") and flow_id in CODES and isinstance(body.get("code"), str):
        body["code"] = CODES[flow_id]
    # Most generated passwords are refused by the policy; a verified flow sometimes gets a good one, so
    # the change itself (and what follows it) is reached too.
    if positive and case.path.endswith("/password") and flow_id in VERIFIED and CHANCE.random() < 0.5:
        body["password"] = "Nueva-clave-" + secrets.token_urlsafe(12)
    return case


def call(method, path, body, cookie=None):
    """One JSON call to the server: (status, body, the flow cookie it set as (name, value), if any)."""
    request = urllib.request.Request(f"{BASE_URL}{path}", method=method, data=json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if cookie:
        request.add_header("Cookie", f"{cookie[0]}={cookie[1]}")
    try:
        with urllib.request.urlopen(request) as response:
            status, headers, text = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, text = error.code, error.headers, error.read()
    set_cookie = None
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        if name.endswith(FLOW_COOKIE_NAMES):
            set_cookie = (name, rest.split(";", 1)[0])
    return status, json.loads(text or b"null"), set_cookie


def prepared_flow(verified):
    """A demo recovery taken as a browser would, up to the code step (with the mailed code) or, when
    `verified`, past it: its id, and its code for the code step. Its cookie goes into the jar."""
    start = {"identifier": DEMO_EMAIL, "bot_check": solved_bot_check(), "language": "es"}
    status, flow, cookie = call("POST", "/api/v1/recovery", start)
    if status != 201:
        return None, None
    flow_id = flow["flow_id"]
    before = newest_demo_message_id()
    if call("POST", f"/api/v1/recovery/{flow_id}/code", {"channel": "email"}, cookie)[0] != 200:
        return None, None
    code = code_mailed_after(before)
    FLOW_COOKIES[flow_id] = cookie
    if not verified or code is None:
        return flow_id, code
    status, _, rotated = call("POST", f"/api/v1/recovery/{flow_id}/verify", {"code": code}, cookie)
    if status != 200:
        return None, None
    FLOW_COOKIES[flow_id] = rotated or cookie
    VERIFIED.add(flow_id)
    return flow_id, None


# The password of the accounts the hooks sign up, and each sign-up's email.
ACCOUNT_PASSWORD = ["Nueva-clave-" + secrets.token_urlsafe(12)]
ACCOUNT_EMAIL: dict[str, str] = {}


def prepared_sign_up():
    """A sign-up taken as a browser would, up to its code step: its id and the code mailed for it. Its
    cookie goes into the jar."""
    name = "st-" + secrets.token_hex(6)
    form = {"username": name, "email": f"{name}@recupera.test", "password": ACCOUNT_PASSWORD[0],
            "language": "es", "bot_check": solved_bot_check("sign_up")}
    status, flow, cookie = call("POST", "/api/v1/sign-up", form)
    if status != 201 or cookie is None:
        return None, None
    FLOW_COOKIES[flow["flow_id"]] = cookie
    ACCOUNT_EMAIL[flow["flow_id"]] = form["email"]
    return flow["flow_id"], code_sent_to(form["email"])


# The account Mi cuenta's operations are called for, signed in once: its session cookie. Forgotten
# when an answer says it ended (moving the dev clock forward ends every session), and made again.
SESSION: list = []
# The operations (by path) a run has had served at least once (a 2xx answer).
SERVED: set[str] = set()


def prepare_now(case, chance):
    """Whether this case gets real data prepared for it (a flow, a sign-up, an address waiting): now
    and then, and every time until its operation was once served, since a run must reach each one
    and generated data alone seldom does."""
    return case.path not in SERVED or CHANCE.random() < chance


def session_cookie():
    """The session of an account of the run's own (made by a real sign-up): `(name, value)`. Checked
    before each use: moving the dev clock forward, or a generated sign-out carrying it, ends it."""
    if SESSION and not still_signed_in(SESSION[0]):
        SESSION.clear()
    if not SESSION:
        flow_id, code = prepared_sign_up()
        cookie = FLOW_COOKIES[flow_id]
        status, account, _ = call("POST", f"/api/v1/sign-up/{flow_id}/verify", {"code": code}, cookie)
        assert status == 200, account
        ACCOUNT_EMAIL["signed_in"] = ACCOUNT_EMAIL[flow_id]
        request_body = {"identifier": ACCOUNT_EMAIL[flow_id], "password": ACCOUNT_PASSWORD[0]}
        request = urllib.request.Request(f"{BASE_URL}/api/v1/session", method="POST", data=json.dumps(request_body).encode())
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                key, _, rest = header.partition("=")
                if key.endswith("recupera_session"):
                    SESSION.append((key, rest.split(";", 1)[0]))
        assert SESSION, "no session cookie"
    return SESSION[0]


def still_signed_in(cookie):
    request = urllib.request.Request(f"{BASE_URL}/api/v1/session")
    request.add_header("Cookie", f"{cookie[0]}={cookie[1]}")
    with urllib.request.urlopen(request) as response:
        return json.load(response) is not None


def other_session_id():
    """Signs the run's account in from another (cookieless) browser: that session's id."""
    session_cookie()
    status, _, _ = call("POST", "/api/v1/session", {"identifier": ACCOUNT_EMAIL["signed_in"], "password": ACCOUNT_PASSWORD[0]})
    if status != 200:
        return None
    request = urllib.request.Request(f"{BASE_URL}/api/v1/account/sessions")
    name, value = session_cookie()
    request.add_header("Cookie", f"{name}={value}")
    try:
        with urllib.request.urlopen(request) as response:
            sessions = json.load(response)["sessions"]
    except urllib.error.HTTPError:
        return None
    others = [s["id"] for s in sessions if not s["this_device"]]
    return others[0] if others else None


def waiting_address(kind):
    """Sends a code to a new address of the run's account, as Mi cuenta does: `(address, code)`."""
    token = secrets.token_hex(4)
    address = f"st-{token}@recupera.test" if kind == "email" else f"+3469{int(token, 16) % 10**7:07d}"
    status, _, _ = call("POST", f"/api/v1/account/{kind}", {"address": address}, session_cookie())
    if status != 200:
        return None
    return address, code_sent_to(address)


# The cookies that tie a flow to its browser: a recovery's, and a sign-up's.
FLOW_COOKIE_NAMES = ("recupera_flow", "recupera_sign_up")

# A browser's cookie jar, for the flow cookie: a recovery's steps are only taken by the browser that
# started it, so each flow's later calls carry the cookie its start (or verify) set.
FLOW_COOKIES: dict[str, tuple[str, str]] = {}


@schemathesis.hook
def after_call(ctx, case, response):
    flow_id = (case.path_parameters or {}).get("flow_id")
    if 200 <= response.status_code < 300:
        SERVED.add(case.path)
    if case.path.startswith("/api/v1/account/"):
        if response.status_code == 401:
            SESSION.clear()
        # The run's account has this password now (its other sessions ended, this one stays).
        if case.path == "/api/v1/account/password" and response.status_code == 204 and isinstance(case.body, dict):
            ACCOUNT_PASSWORD[0] = case.body.get("new_password", ACCOUNT_PASSWORD[0])
    if case.path == "/api/v1/recovery" and response.status_code == 201:
        if isinstance(case.body, dict) and case.body.get("identifier") == DEMO_EMAIL:
            DEMO_FLOWS.add(response.json()["flow_id"])
    if case.path.endswith("/verify") and response.status_code == 200:
        VERIFIED.add(flow_id)
    # Only the demo account's flows get this far: its password is now the one just set.
    if case.path.endswith("/password") and response.status_code == 200 and isinstance(case.body, dict):
        DEMO_PASSWORD[0] = case.body.get("password", DEMO_PASSWORD[0])
    if case.path.endswith("/code") and response.status_code == 200 and flow_id in DEMO_FLOWS:
        if isinstance(case.body, dict) and case.body.get("channel") == "email":
            code = code_mailed_after(LAST_MESSAGE_BEFORE_SEND.pop(flow_id, 0))
            if code:
                CODES[flow_id] = code
    for header in response.headers.get("set-cookie", []):
        name, _, rest = header.partition("=")
        if name.endswith(FLOW_COOKIE_NAMES):
            try:
                flow_id = response.json()["flow_id"]
            except Exception:
                continue
            FLOW_COOKIES[flow_id] = (name, rest.split(";", 1)[0])


# The newest demo message when a send to a demo flow went out: its code is the next one.
LAST_MESSAGE_BEFORE_SEND: dict[str, int] = {}


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    flow_id = (case.path_parameters or {}).get("flow_id")
    if case.path.endswith("/code") and flow_id in DEMO_FLOWS:
        LAST_MESSAGE_BEFORE_SEND[flow_id] = newest_demo_message_id()
    if flow_id in FLOW_COOKIES:
        name, value = FLOW_COOKIES[flow_id]
        case.cookies = {**(case.cookies or {}), name: value}
    # Mi cuenta's operations are a signed-in browser's.
    if case.path.startswith("/api/v1/account/"):
        name, value = session_cookie()
        case.cookies = {**(case.cookies or {}), name: value}
