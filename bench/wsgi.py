"""The real app for bench/http_pull.py, served by gunicorn as `bench.wsgi:app`.

Production configuration (backend.config.Config), on the database named by BENCH_DATABASE_URI,
with cookies that work over plain http on 127.0.0.1, plus one bare route as the baseline:
GET /bench/bare answers {"status": "ok"} through the same app, hooks and headers, without
touching the database. SECRET_KEY comes from the environment so both workers share it.
"""
import os

from flask import jsonify

from backend import create_app
from backend.config import Config


class BenchConfig(Config):
    SQLALCHEMY_DATABASE_URI = os.environ["BENCH_DATABASE_URI"]
    SESSION_COOKIE_SECURE = False


app = create_app(BenchConfig)


@app.get("/bench/bare")
def bench_bare():
    return jsonify({"status": "ok"})
