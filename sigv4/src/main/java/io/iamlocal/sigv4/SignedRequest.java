package io.iamlocal.sigv4;

/**
 * A request after {@link RequestSigner} touched it, with the intermediate values for debugging and
 * tests.
 */
public record SignedRequest(
    SignableRequest request, String canonicalRequest, String stringToSign, String signature) {}
