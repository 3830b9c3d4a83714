"""Fixtures of the crash harness."""

import pytest

from tests.reliability.harness import Zygote


@pytest.fixture(scope="module")
def zygote():
    z = Zygote()
    yield z
    z.close()
