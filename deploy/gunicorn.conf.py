"""Gunicorn configuration for the archive: `gunicorn -c deploy/gunicorn.conf.py archive.wsgi`.

Every value can be set from the environment (GUNICORN_*), so one file serves a laptop and a
server. The choices, for a database-bound Django site on a small machine:

- gthread workers: a few processes, each with a pool of threads, so a slow page does not hold
  a whole process and the database connections stay few (one per thread).
- `worker_connections` caps what each worker accepts beyond its busy threads: past it a
  client waits in the kernel's listen queue (`backlog`) rather than inside a worker that
  cannot serve it; and `timeout` restarts a worker stuck longer than that, so requests whose
  clients have given up do not keep it busy for minutes.
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
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", 64)
backlog = _int("GUNICORN_BACKLOG", 2048)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Load the application once in the master, so a broken configuration fails at start-up.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a proxy on the same host, trust its X-Forwarded-* headers only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
