#!/usr/bin/env python3
"""Event-F1 per construction of the constructions corpus (bench: `constructions OUTDIR`).

Usage:
  constructions-score.py CORPUS_DIR PREDICTIONS.jsonl [--score PATH/score.py] [--worst]

CORPUS_DIR holds gold/NNNN.json, each with a "construction" field. The facts are scored by the eval's own
score.py (default ../shared/eval/score.py beside the repository), run once per construction over a folder
of links to that construction's gold files, and once over all of them. Rows are sorted worst first; --worst
adds, per construction, the report with the lowest event-F1 (to read its text and the extraction).
Standard library only.
"""
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
from collections import defaultdict


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("sitrep_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(scorer, gold_dir, preds, by_article=False):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scorer.main([gold_dir, preds, "--json"] + (["--by-article"] if by_article else []))
    lines = out.getvalue().splitlines()
    result = json.loads(next(l for l in lines if l.startswith("{")))
    rows = []
    if by_article:
        for l in lines[1:]:
            parts = l.split()
            if len(parts) >= 4 and parts[0].isdigit():
                rows.append((parts[0], float(parts[3])))
            elif not l.strip():
                break
    return result, rows


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    here = os.path.dirname(os.path.abspath(__file__))
    score_path = os.path.join(here, "..", "..", "shared", "eval", "score.py")
    if "--score" in argv:
        i = argv.index("--score")
        score_path = argv[i + 1]
        args.remove(score_path)
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, preds = args
    gold_dir = os.path.join(corpus, "gold")
    if not os.path.isdir(gold_dir):
        sys.exit(f"constructions-score: no gold folder in {corpus}")
    if not os.path.isfile(score_path):
        sys.exit(f"constructions-score: no scorer at {score_path} (pass --score PATH)")
    scorer = load_scorer(score_path)

    groups = defaultdict(list)
    for name in sorted(os.listdir(gold_dir)):
        if name.endswith(".json"):
            with open(os.path.join(gold_dir, name), encoding="utf-8") as fh:
                groups[json.load(fh).get("construction") or "(untagged)"].append(name)

    kinds = scorer.KINDS
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        for construction, names in groups.items():
            sub = os.path.join(tmp, construction.replace("/", "_"))
            os.mkdir(sub)
            for name in names:
                os.symlink(os.path.abspath(os.path.join(gold_dir, name)), os.path.join(sub, name))
            result, rows = run(scorer, sub, preds, by_article="--worst" in argv)
            worst = min(rows, key=lambda r: r[1]) if rows else None
            table.append((result["all"]["event_f1"], construction, len(names), result, worst))
        overall, _ = run(scorer, gold_dir, preds)

    table.sort(key=lambda t: (t[0], t[1]))
    head = f"{'construction':<40}{'reports':>8}{'facts':>7}{'evt P':>7}{'evt R':>7}{'evt F1':>8}  " + " ".join(f"{k[:5]:>6}" for k in kinds)
    print(head)
    for f1, construction, n, result, worst in table:
        per_kind = " ".join(f"{result[k]['event_f1']:6.2f}" if result[k]["gold"] or result[k]["event_p"] < 1 else f"{'-':>6}" for k in kinds)
        line = (f"{construction:<40}{n:>8}{result['all']['gold']:>7}{result['all']['event_p']:7.3f}"
                f"{result['all']['event_r']:7.3f}{f1:8.3f}  {per_kind}")
        if worst is not None:
            line += f"   worst {worst[0]} ({worst[1]:.2f})"
        print(line)
    print(f"{'all':<40}{sum(t[2] for t in table):>8}{overall['all']['gold']:>7}{overall['all']['event_p']:7.3f}"
          f"{overall['all']['event_r']:7.3f}{overall['all']['event_f1']:8.3f}  "
          + " ".join(f"{overall[k]['event_f1']:6.2f}" for k in kinds))
    print(f"event-F1 {overall['all']['event_f1']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
