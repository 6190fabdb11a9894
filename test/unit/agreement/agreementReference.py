"""An independent computation of the agreement numbers, to check compareSides against.

Standard library only. Reads JSON on stdin, {"cases": [...]}, each case
  {"documents": [{"length": code points, "tokens": [[start, end], ...], "left": [{"type", "start", "end"}], "right": [...]}]}
where "tokens" are the CoNLL export tokenizer's tokens before any split at entity boundaries
(offsets in code points), and writes a JSON list on stdout, for each case: exact and overlap counts and scores overall
and per type, the number of tokens and Cohen's kappa. Written apart from the TypeScript: the
matching is a plain recursive augmenting-path search over every candidate pair, the token labels
are found by looking at every annotation for every token.
"""
import json
import sys


def scores(matched, left, right):
    if left == 0 and right == 0:
        return {"matched": matched, "left": left, "right": right, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = matched / right if right else 0.0
    recall = matched / left if left else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"matched": matched, "left": left, "right": right, "precision": precision, "recall": recall, "f1": f1}


def exact_matches(lefts, rights):
    remaining = [(a["start"], a["end"]) for a in rights]
    matched = 0
    for a in lefts:
        key = (a["start"], a["end"])
        if key in remaining:
            remaining.remove(key)
            matched += 1
    return matched


def can_pair(a, b):
    if a["start"] == b["start"] and a["end"] == b["end"]:
        return True
    proper = a["start"] < a["end"] and b["start"] < b["end"]
    return proper and max(a["start"], b["start"]) < min(a["end"], b["end"])


def maximum_matching(lefts, rights):
    partner_of_right = [None] * len(rights)

    def try_left(i, seen):
        for j, b in enumerate(rights):
            if j in seen or not can_pair(lefts[i], b):
                continue
            seen.add(j)
            if partner_of_right[j] is None or try_left(partner_of_right[j], seen):
                partner_of_right[j] = i
                return True
        return False

    return sum(1 for i in range(len(lefts)) if try_left(i, set()))


def labels(tokens, annotations, length):
    spans = []
    for a in annotations:
        start, end = max(0, a["start"]), min(length, a["end"])
        if start < end:
            spans.append((start, -end, a["type"]))
    result = []
    for token_start, token_end in tokens:
        covering = [span for span in spans if span[0] <= token_start and token_end <= -span[1]]
        result.append(min(covering)[2] if covering else "O")
    return result


def split_tokens(tokens, cuts):
    result = []
    for start, end in tokens:
        inside = sorted(c for c in set(cuts) if start < c < end)
        edges = [start] + inside + [end]
        result.extend(zip(edges, edges[1:]))
    return result


def compare(data):
    exact, overlap = {}, {}
    pairs = []
    for document in data["documents"]:
        left, right = document["left"], document["right"]
        length = document["length"]
        for kind in set(a["type"] for a in left + right):
            lefts = [a for a in left if a["type"] == kind]
            rights = [a for a in right if a["type"] == kind]
            for table, matched in ((exact, exact_matches(lefts, rights)), (overlap, maximum_matching(lefts, rights))):
                counts = table.setdefault(kind, [0, 0, 0])
                counts[0] += matched
                counts[1] += len(lefts)
                counts[2] += len(rights)
        cuts = []
        for a in left + right:
            start, end = max(0, a["start"]), min(length, a["end"])
            if start < end:
                cuts += [start, end]
        tokens = split_tokens(document["tokens"], cuts)
        pairs += zip(labels(tokens, left, length), labels(tokens, right, length))
    total = len(pairs)
    kappa = None
    if total:
        observed = sum(1 for a, b in pairs if a == b) / total
        names = set(a for a, _ in pairs) | set(b for _, b in pairs)
        expected = sum((sum(1 for a, _ in pairs if a == n) / total) * (sum(1 for _, b in pairs if b == n) / total) for n in names)
        if expected < 1:
            kappa = (observed - expected) / (1 - expected)

    def summed(table):
        return scores(*[sum(counts[i] for counts in table.values()) for i in range(3)])

    return {
        "exact": summed(exact),
        "overlap": summed(overlap),
        "byType": {kind: {"exact": scores(*exact[kind]), "overlap": scores(*overlap[kind])} for kind in sorted(exact)},
        "tokens": total,
        "kappa": kappa,
    }


json.dump([compare(case) for case in json.load(sys.stdin)["cases"]], sys.stdout)
