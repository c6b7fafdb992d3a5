import time


def retry(function, retries=3, sleep=1.0, sleep_before=0, **kwargs):
    """Retries like the recorder's helper, but IAMLocal is consistent at once, so waits stay short."""
    for attempt in range(min(retries, 5)):
        try:
            return function(**kwargs)
        except Exception:
            if attempt == min(retries, 5) - 1:
                raise
            time.sleep(min(sleep, 0.2))
