"""Gunicorn configuration for the archive: `gunicorn -c deploy/gunicorn.conf.py archive.wsgi`.

Every value can be set from the environment (GUNICORN_*), so one file serves a laptop and a
server. The choices, for a database-bound Django site on a small machine:

- gthread workers: a few processes, each with a pool of threads, so a slow page does not hold
  a whole process and the database connections stay few (one per thread).
- A worker takes only the connections it has threads for (`worker_connections` = `threads`)
  and closes each after its answer (`keepalive` 0): every other request waits in the
  kernel's one listen queue (`backlog`), first come first served, for whichever worker is
  free first. With keep-alive and 64 connections a worker, a worker with slow pages in hand
  kept a queue of its own while others idled: 64 connections for 60 s on the 100,000-article
  archive had 40 time-outs and a 10 s maximum that way, none and 5 s this way (README,
  "Deployment"). A reverse proxy in front keeps its own keep-alive with the browsers.
- `timeout` restarts a worker stuck longer than that, so requests whose clients have given
  up do not keep it busy for minutes.
- `max_requests` (with jitter) replaces each worker now and then, bounding slow leaks.
- PostgreSQL: ANON_STATEMENT_TIMEOUT_MS (settings) stops a reader's query that runs too long;
  the page then answers 503 with Retry-After instead of queueing everyone behind it.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "archive.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 4)
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", threads)
backlog = _int("GUNICORN_BACKLOG", 2048)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 0)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Load the application once in the master, so a broken configuration fails at start-up.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a proxy on the same host, trust its X-Forwarded-* headers only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
