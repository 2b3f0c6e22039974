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
import urllib.request

import schemathesis

BASE_URL = os.environ["RECUPERA_URL"].rstrip("/")


def solved_bot_check() -> str:
    with urllib.request.urlopen(f"{BASE_URL}/api/v1/bot-check/challenge?action=recovery") as response:
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
CODE = re.compile(r"\b(\d{4} \d{4})\b")


def latest_demo_code():
    with urllib.request.urlopen(f"{BASE_URL}/api/v1/dev/mailbox") as response:
        messages = [m for m in json.load(response) if m["to"] == DEMO_EMAIL]
    for message in sorted(messages, key=lambda m: m["id"], reverse=True):
        found = CODE.search(message["body"])
        if found:
            return found.group(1)
    return None


# Flows of the demo account, and the code last sent to each (read from the dev mailbox right after
# the send).
DEMO_FLOWS: set[str] = set()
CODES: dict[str, str] = {}


@schemathesis.hook
def map_case(ctx, case):
    body = case.body
    if not isinstance(body, dict) or case.method.upper() != "POST":
        return case
    # Only a schema-valid case may be made a real one: a schema-violating case must stay violating.
    positive = case.meta is None or str(case.meta.generation.mode.value) == "positive"
    if case.path == "/api/v1/recovery" and isinstance(body.get("bot_check"), str):
        body["bot_check"] = solved_bot_check()
        if positive and isinstance(body.get("identifier"), str) and random.random() < 0.7:
            body["identifier"] = DEMO_EMAIL
    flow_id = (case.path_parameters or {}).get("flow_id")
    if positive and case.path.endswith("/verify") and flow_id in CODES and isinstance(body.get("code"), str):
        body["code"] = CODES[flow_id]
    return case


# A browser's cookie jar, for the flow cookie: a recovery's steps are only taken by the browser that
# started it, so each flow's later calls carry the cookie its start (or verify) set.
FLOW_COOKIES: dict[str, tuple[str, str]] = {}


@schemathesis.hook
def after_call(ctx, case, response):
    flow_id = (case.path_parameters or {}).get("flow_id")
    if case.path == "/api/v1/recovery" and response.status_code == 201:
        if isinstance(case.body, dict) and case.body.get("identifier") == DEMO_EMAIL:
            DEMO_FLOWS.add(response.json()["flow_id"])
    if case.path.endswith("/code") and response.status_code == 200 and flow_id in DEMO_FLOWS:
        if isinstance(case.body, dict) and case.body.get("channel") == "email":
            code = latest_demo_code()
            if code:
                CODES[flow_id] = code
    for header in response.headers.get("set-cookie", []):
        name, _, rest = header.partition("=")
        if name.endswith("recupera_flow"):
            try:
                flow_id = response.json()["flow_id"]
            except Exception:
                continue
            FLOW_COOKIES[flow_id] = (name, rest.split(";", 1)[0])


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    flow_id = (case.path_parameters or {}).get("flow_id")
    if flow_id in FLOW_COOKIES:
        name, value = FLOW_COOKIES[flow_id]
        case.cookies = {**(case.cookies or {}), name: value}
