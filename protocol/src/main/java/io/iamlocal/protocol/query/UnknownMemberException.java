package io.iamlocal.protocol.query;

/**
 * Code read a member its operation's input shape does not have: a misspelt or misplaced name. A
 * programming error, never the client's: the server answers it as an internal failure and logs it.
 */
public final class UnknownMemberException extends IllegalStateException {
  public UnknownMemberException(String shape, String member) {
    super("input shape " + shape + " has no member '" + member + "'");
  }
}
