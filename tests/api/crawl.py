"""Follow every API address the API gives out, from /api/, as a client would."""

import re

ORIGIN = "http://testserver"
URL = re.compile(r"http://testserver(/api/[^\s\"'<>]*)")


def crawl(client, start=("/api/",), limit=2000):
    """{path: response} for every /api/ address reachable from `start` (schema excluded)."""
    seen, queue, responses = set(), list(start), {}
    while queue and len(responses) < limit:
        path = queue.pop(0)
        if (
            path in seen
            or path.startswith(("/api/schema/", "/api/docs/"))
            or path == "/api/search/"
        ):
            continue
        seen.add(path)
        response = client.get(path)
        responses[path] = response
        text = b"".join(response.streaming_content) if response.streaming else response.content
        response.text_body = text.decode("utf-8")
        for found in URL.findall(response.text_body):
            if found not in seen:
                queue.append(found)
    return responses
