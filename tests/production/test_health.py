"""/healthz for the load balancer (the outage cases are in test_faults.py)."""

import pytest


@pytest.mark.django_db
def test_health_reports_database_and_cache_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    body = response.json()
    assert {key: body[key] for key in ("status", "database", "cache")} == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
    }
