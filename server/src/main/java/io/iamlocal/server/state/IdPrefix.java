package io.iamlocal.server.state;

/** AWS's unique-ID prefixes by entity type (IAM User Guide, "Unique identifiers"). */
public enum IdPrefix {
  AGPA, // group
  AIDA, // user
  AIPA, // instance profile
  AKIA, // long-term access key
  ANPA, // managed policy
  APKA, // SSH public key
  AROA, // role
  ASCA, // certificate
  ASIA, // temporary access key
  ACCA // service-specific credential ("context-specific credential" on the identifiers page)
}
