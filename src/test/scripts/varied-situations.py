#!/usr/bin/env python3
"""Writes the varied evaluate bodies for http-load.sh (issue 15): every matter and life event of the
serving catalogue, each as an identified enterprise (agent: false) and as an anonymous applicant
(agent: true), one JSON body per line; only bodies the server answers with 200 are kept.
   varied-situations.py http://localhost:PORT > bodies.txt"""
import json
import sys
import urllib.error
import urllib.request

base = sys.argv[1]


def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


matters, offset = [], 0
while True:
    page = get(f"/api/matters?limit=500&offset={offset}")
    matters += [m["code"] for m in page["items"]]
    offset += 500
    if offset >= page["total"]:
        break
events = [e["code"] for e in get("/api/events")]
applicants = [({"type": "enterprise", "id": "91350100M000100Y43"}, False), (None, True)]
kept = 0
refused = {}
for kind, codes in (("matters", matters), ("event", events)):
    for code in codes:
        for applicant, agent in applicants:
            body = {"matters": [code]} if kind == "matters" else {"event": code}
            body["answers"] = {"agent": agent}
            if applicant:
                body["applicant"] = applicant
            data = json.dumps(body, ensure_ascii=False)
            req = urllib.request.Request(base + "/api/intake/evaluate", data=data.encode(),
                                         headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req) as r:
                    r.read()
                print(data)
                kept += 1
            except urllib.error.HTTPError as e:
                refused[e.code] = refused.get(e.code, 0) + 1
print(f"{kept} varied situations from {len(matters)} matters and {len(events)} events (refused: {refused})",
      file=sys.stderr)
