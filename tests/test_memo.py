"""core.memo: a page asks the same question once inside a scope, every time outside one."""

from core import memo


def test_outside_a_scope_every_call_computes():
    calls = []
    for _ in range(2):
        memo.remembered("k", lambda: calls.append(1))
    assert len(calls) == 2 and not memo.active()


def test_inside_a_scope_once_per_key_and_forgotten_after():
    calls = []

    def answer(value):
        calls.append(value)
        return value

    with memo.scope():
        assert memo.active()
        assert memo.remembered("a", lambda: answer(1)) == 1
        assert memo.remembered("a", lambda: answer(2)) == 1
        assert memo.remembered("b", lambda: answer(3)) == 3
        with memo.scope():  # a nested scope shares the outer one's answers
            assert memo.remembered("a", lambda: answer(4)) == 1
        assert memo.active()
    assert calls == [1, 3]
    assert not memo.active()
    assert memo.remembered("a", lambda: answer(5)) == 5
