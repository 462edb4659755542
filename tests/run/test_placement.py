"""Placement of a batch's items on Dask workers (run/executors.py): evenly,
each item where the most of its keys went before, so that a reprint is
extracted by the worker that holds its original's parses."""

from __future__ import annotations

from aidwatch.run.executors import InProcess, Placement

WORKERS = ["tcp://a", "tcp://b"]


def keys(item: str) -> list[str]:
    return item.split()


def test_a_batch_is_split_evenly_between_the_workers():
    parts = Placement(keys).split(["p q", "r s", "t u", "v w", "x"], WORKERS)
    assert sorted(len(items) for _, items in parts) == [2, 3]
    assert sorted(i for _, items in parts for i in items) == [0, 1, 2, 3, 4]


def test_an_item_goes_where_its_keys_went_before():
    placement = Placement(keys)
    first = dict(placement.split(["p q", "r s"], WORKERS))
    second = dict(placement.split(["r s z", "p q y"], WORKERS))
    # « p q » went to one worker, « r s » to the other: each reprint follows.
    assert {w for w, items in first.items() if 0 in items} == {
        w for w, items in second.items() if 1 in items
    }
    assert {w for w, items in first.items() if 1 in items} == {
        w for w, items in second.items() if 0 in items
    }


def test_a_worker_takes_no_more_than_its_share():
    placement = Placement(keys)
    placement.split(["p", "q"], WORKERS)
    parts = placement.split(["p 1", "p 2", "p 3", "p 4"], WORKERS)
    assert [len(items) for _, items in parts] == [2, 2]


def test_only_the_latest_keys_are_remembered():
    placement = Placement(keys, capacity=3)
    placement.split(["p q", "r s"], WORKERS)
    assert list(placement.worker_of) == ["q", "r", "s"]


def test_in_process_maps_whole_batches_whatever_the_affinity():
    mapped = list(InProcess().map_batches(len, [("a", [1, 2]), ("b", [3])], affinity=keys))
    assert mapped == [("a", 2), ("b", 1)]
