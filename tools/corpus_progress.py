#!/usr/bin/env python3
"""Counts for one author's corpus file(s): paragraphs, words, labels, unlabeled share, schema.

usage: python3 tools/corpus_progress.py seeds/corpus/en-a.jsonl [...]
"""
import json, sys, collections, statistics, re
LABELS = ["state-responsibility", "international-assistance", "timely-response", "veto-restraint",
          "counter-terrorism", "protection-of-civilians", "atrocity-prevention", "accountability",
          "peacekeeping", "humanitarian-assistance", "displacement", "sovereignty-concerns",
          "regional-organizations", "women-peace-security", "use-of-force"]
rows, errors, ids = [], [], set()
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{path}:{n}: invalid JSON: {e}"); continue
        for k in ("id", "doc", "lang", "text", "labels"):
            if k not in r: errors.append(f"{path}:{n}: missing {k}")
        for l in r.get("labels", []):
            if l not in LABELS: errors.append(f"{path}:{n}: unknown label {l}")
        if r.get("id") in ids: errors.append(f"{path}:{n}: duplicate id {r.get('id')}")
        if r.get("id") and r.get("doc") and not r["id"].startswith(r["doc"] + "-"):
            errors.append(f"{path}:{n}: id does not start with doc")
        ids.add(r.get("id")); rows.append(r)
lab = collections.Counter(l for r in rows for l in r.get("labels", []))
none = sum(1 for r in rows if not r.get("labels"))
def words(t):
    return len(re.findall(r"[\u4e00-\u9fff]", t)) / 1.6 if re.search(r"[\u4e00-\u9fff]", t) else len(t.split())
w = [words(r["text"]) for r in rows] or [0]
print(f"{len(rows)} paragraphs, {len({r.get('doc') for r in rows})} docs, unlabeled {none} ({none / max(1, len(rows)):.0%}), "
      f"median words {statistics.median(w):.0f}, >100 words {sum(x > 100 for x in w) / len(w):.0%}, max {max(w):.0f}")
for l in LABELS:
    print(f"  {l:26} {lab[l]}")
for e in errors[:20]:
    print("ERROR", e)
sys.exit(1 if errors else 0)
