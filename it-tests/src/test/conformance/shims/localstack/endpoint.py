"""Where the IAMLocal under test listens and which credentials it accepts (set by ../conftest.py)."""
import os

URL = os.environ.get("IAMLOCAL_ENDPOINT", "http://127.0.0.1:4566")
ACCESS_KEY = os.environ.get("IAMLOCAL_ACCESS_KEY", "test")
SECRET_KEY = os.environ.get("IAMLOCAL_SECRET_KEY", "test")
REGION = "us-east-1"


def client(service, access_key=ACCESS_KEY, secret_key=SECRET_KEY, session_token=None, region_name=REGION, config=None):
    import boto3

    return boto3.client(
        service,
        endpoint_url=URL,
        region_name=region_name or REGION,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        aws_session_token=session_token,
        config=config,
    )
