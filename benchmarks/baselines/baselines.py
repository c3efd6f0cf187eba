#!/usr/bin/python3
"""Baselines for docs/model-selection.md, trained on seeds/corpus and scored like `r2p evaluate`.

- tfidf-lr: TF-IDF word 1-2-grams + character 3-5-grams (within words), one scikit-learn logistic
  regression per label.
- fasttext-ova: fastText supervised, one-vs-all loss, word bigrams, no subword n-grams.
Both get per-label thresholds chosen for best F1 on out-of-fold scores from 5 folds grouped by
document, as R2P.Classify does. Prints one JSON object per baseline.
usage: baselines.py REPO_ROOT [DEV_GOLD]
"""
import glob, json, os, re, subprocess, sys, tempfile, time
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from scipy.sparse import hstack

LABELS = ["state-responsibility", "international-assistance", "timely-response", "veto-restraint",
          "counter-terrorism", "protection-of-civilians", "atrocity-prevention", "accountability",
          "peacekeeping", "humanitarian-assistance", "displacement", "sovereignty-concerns",
          "regional-organizations", "women-peace-security", "use-of-force"]


def read(paths):
    rows = []
    for p in paths:
        for line in open(p, encoding="utf-8"):
            if line.strip():
                rows.append(json.loads(line))
    return rows


def matrix(rows):
    return np.array([[l in r["labels"] for l in LABELS] for r in rows], dtype=bool)


def best_thresholds(scores, truth):
    out = []
    for l in range(len(LABELS)):
        s, t = scores[:, l], truth[:, l]
        best, best_f1 = 0.5, -1
        for c in np.unique(s):
            pred = s >= c
            tp = (pred & t).sum()
            f1 = 2 * tp / (pred.sum() + t.sum()) if pred.sum() + t.sum() else 0
            if f1 > best_f1:
                best, best_f1 = c, f1
        out.append(best)
    return np.array(out)


def metrics(pred, truth, langs):
    def table(idx):
        f1s = []
        tp_all = fp_fn = 0
        for l in range(len(LABELS)):
            p, t = pred[idx, l], truth[idx, l]
            tp = (p & t).sum()
            tp_all += tp
            fp_fn += p.sum() + t.sum()
            if t.sum() > 0:
                f1s.append(2 * tp / (p.sum() + t.sum()))
        return {"paragraphs": int(len(idx)), "macroF1": round(float(np.mean(f1s)) if f1s else 0.0, 4),
                "microF1": round(float(2 * tp_all / fp_fn) if fp_fn else 0.0, 4)}
    idx = np.arange(len(langs))
    result = table(idx)
    result["byLanguage"] = {l: table(idx[np.array(langs) == l]) for l in sorted(set(langs))}
    return result


class TfidfLr:
    name = "tfidf-lr (scikit-learn)"

    def fit(self, texts, y):
        self.word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200000)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=200000)
        x = hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        self.models = [LogisticRegression(C=10, max_iter=2000, solver="liblinear").fit(x, y[:, l]) for l in range(len(LABELS))]
        return self

    def scores(self, texts):
        x = hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
        return np.column_stack([m.predict_proba(x)[:, 1] for m in self.models])


class FastTextOva:
    name = "fasttext-ova (wordNgrams 2, no subwords)"

    @staticmethod
    def clean(t):
        return re.sub(r"\s+", " ", t.lower()).strip()

    def fit(self, texts, y):
        self.dir = tempfile.mkdtemp()
        train = os.path.join(self.dir, "train.txt")
        with open(train, "w", encoding="utf-8") as f:
            for t, row in zip(texts, y):
                tags = " ".join("__label__" + LABELS[l] for l in range(len(LABELS)) if row[l]) or "__label__none"
                f.write(f"{tags} {self.clean(t)}\n")
        self.model = os.path.join(self.dir, "model")
        subprocess.run(["fasttext", "supervised", "-input", train, "-output", self.model, "-loss", "ova", "-wordNgrams", "2",
                        "-minn", "0", "-maxn", "0", "-epoch", "25", "-lr", "0.5", "-dim", "100", "-thread", "1", "-verbose", "0"],
                       check=True, stdout=subprocess.DEVNULL)
        return self

    def scores(self, texts):
        test = os.path.join(self.dir, "test.txt")
        with open(test, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(self.clean(t) + "\n")
        out = subprocess.run(["fasttext", "predict-prob", self.model + ".bin", test, "-1", "0.0"], check=True,
                             capture_output=True, text=True).stdout.splitlines()
        s = np.zeros((len(texts), len(LABELS)))
        for i, line in enumerate(out):
            parts = line.split()
            for k in range(0, len(parts) - 1, 2):
                label = parts[k].replace("__label__", "")
                if label in LABELS:
                    s[i, LABELS.index(label)] = float(parts[k + 1])
        return s


def main():
    root = sys.argv[1]
    corpus = read(sorted(glob.glob(os.path.join(root, "seeds", "corpus", "*.jsonl"))))
    texts = [r["text"] for r in corpus]
    y = matrix(corpus)
    groups = [r.get("doc", r["id"]) for r in corpus]
    sets = [("seeds/gold.jsonl", read([os.path.join(root, "seeds", "gold.jsonl")]))]
    if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
        sets.append(("../shared/dev/gold.jsonl", read([sys.argv[2]])))
    for model in (TfidfLr(), FastTextOva()):
        start = time.time()
        oof = np.zeros(y.shape)
        for train, test in GroupKFold(n_splits=5).split(texts, y, groups):
            fold = type(model)().fit([texts[i] for i in train], y[train])
            oof[test] = fold.scores([texts[i] for i in test])
        thresholds = best_thresholds(oof, y)
        final = type(model)().fit(texts, y)
        seconds = time.time() - start
        result = {"name": model.name, "trainSeconds": round(seconds, 1),
                  "crossValidation": metrics(oof >= thresholds, y, [r["lang"] for r in corpus])}
        for name, gold in sets:
            pred = final.scores([r["text"] for r in gold]) >= thresholds
            result[name] = metrics(pred, matrix(gold), [r["lang"] for r in gold])
        print(json.dumps(result), flush=True)


main()
