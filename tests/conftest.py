"""Shared pytest set-up: hypothesis profiles.

``default`` is what CI runs; ``thorough`` (``--hypothesis-profile=thorough``) tries many more
examples for a longer local run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")
