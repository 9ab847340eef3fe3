"""render_benchmark's yardstick, the stock Wagtail blog post (demo/stock_wagtail), is a real
Wagtail render: the project builds from nothing and its post answers 200 with the post itself."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REFERENCE = Path(__file__).resolve().parents[2] / "demo" / "stock_wagtail" / "reference.py"


def test_the_stock_project_builds_and_renders_its_blog_post(tmp_path):
    html = tmp_path / "post.html"
    # The suite's settings module means nothing to the stock project; its files go in tmp_path.
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env["TMPDIR"] = str(tmp_path)
    finished = subprocess.run(
        [sys.executable, str(REFERENCE), "--renders", "3", "--html", str(html)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)
    assert summary["status"] == 200
    assert summary["renders"] == 3 and summary["cpu_p50_ms"] > 0
    post = BeautifulSoup(html.read_text(), "html.parser")
    assert post.h1.get_text() == summary["title"] == "A year in pictures"
    assert post.title.get_text(" ", strip=True) == "A year in pictures"
    gallery = [img["src"] for img in post.select("img") if ".fill-320x240." in img["src"]]
    assert len(gallery) == 3, gallery
    assert {button.get_text() for button in post.select(".tags button")} == {"photography", "construction"}
    assert post.find("a", string="Return to blog")["href"] == "/blog/"
    # The script removes what it built.
    assert [path.name for path in tmp_path.iterdir()] == ["post.html"]
