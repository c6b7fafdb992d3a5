from localstack import endpoint


def is_aws_cloud():
    return False


def create_client_with_keys(service, keys, region_name=None, client_config=None):
    return endpoint.client(service, keys["AccessKeyId"], keys["SecretAccessKey"], keys.get("SessionToken"),
                           region_name, client_config)


def wait_for_user(keys, region_name=None):
    """IAMLocal's new keys work at once; AWS needed a wait."""
