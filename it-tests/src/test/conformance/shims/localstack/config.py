from localstack import endpoint

PARITY_AWS_ACCESS_KEY_ID = False


def internal_service_url():
    return endpoint.URL
