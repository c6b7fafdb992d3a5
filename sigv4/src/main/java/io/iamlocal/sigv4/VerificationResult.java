package io.iamlocal.sigv4;

/**
 * Outcome of {@link SignatureVerifier#verify}: either {@link Verified} or a {@link SigV4Failure}.
 */
public sealed interface VerificationResult permits Verified, SigV4Failure {}
