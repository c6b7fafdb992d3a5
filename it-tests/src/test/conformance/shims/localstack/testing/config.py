from localstack import endpoint

TEST_AWS_ACCESS_KEY_ID = endpoint.ACCESS_KEY
