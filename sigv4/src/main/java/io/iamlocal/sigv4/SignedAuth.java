package io.iamlocal.sigv4;

import java.util.List;

/**
 * The authentication parameters of one request, whichever way they were carried.
 *
 * @param signatureText holds the hex signature at {@code [signatureFrom, signatureTo)}: the
 *     Authorization header's signature is compared where it stands, not copied out
 * @param amzDate request time exactly as it enters the string to sign (ISO 8601 basic)
 * @param requestTime the same time in epoch seconds
 * @param expiresSeconds X-Amz-Expires for presigned URLs, -1 for header auth
 * @param securityToken session token sent with the request, or null
 */
record SignedAuth(
    String accessKeyId,
    CredentialScope scope,
    List<String> signedHeaders,
    String signatureText,
    int signatureFrom,
    int signatureTo,
    String amzDate,
    long requestTime,
    boolean presigned,
    long expiresSeconds,
    String securityToken) {}
