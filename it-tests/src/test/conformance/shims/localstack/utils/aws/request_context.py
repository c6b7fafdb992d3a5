def mock_aws_request_headers(service="", aws_access_key_id="", region_name="", internal=False):
    return {"Authorization": f"AWS4-HMAC-SHA256 Credential={aws_access_key_id}/20260101/{region_name}/{service}/aws4_request"}
