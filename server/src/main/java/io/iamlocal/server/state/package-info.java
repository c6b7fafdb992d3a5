/**
 * What IAM, STS and the small S3 know about each account, and the one rule that keeps it
 * consistent.
 *
 * <h2>The lock rule</h2>
 *
 * <p>Every entity and store of an account is guarded by the account's lock, {@link
 * io.iamlocal.server.state.AccountState#lock()} (a read/write lock counting its writers, {@link
 * io.iamlocal.server.state.WriteCountingLock}): code reading state holds the read lock, code
 * changing it holds the write lock. That covers the named stores ({@code users()}, {@code
 * groups()}, {@code roles()}, {@code instanceProfiles()}), every extension store reached through
 * {@code AccountState.extension} (policies, providers, certificates, keys, settings, buckets…) and
 * every mutable field of the entities. Calls get the lock from their {@code OperationSpec}'s lock
 * mode (the dispatchers take it); code running outside a call (seed files, the console, the journal
 * replay, the state endpoint) takes it itself. Entities are plain mutable classes relying on this
 * rule; where a store is concurrent or a field volatile besides (S3's buckets and byte count, a tag
 * array replaced whole on each change), that is for the readers below or defence in depth, never a
 * licence to change it without the write lock.
 *
 * <p>The exceptions are the state touched without the account lock, each safe on its own:
 *
 * <ul>
 *   <li>the access key index ({@code AccountState.accessKeys()}, concurrent) and the session store
 *       ({@link io.iamlocal.server.state.Sessions}, read without a lock, changed under its own):
 *       request authentication reads them before any lock is taken; keys change under the write
 *       lock, sessions are also added by calls that share the read lock ({@code READ_MINTS});
 *   <li>last-use facts ({@code AccessKey}'s last use and status, {@code Role} and {@code User}
 *       last-used dates, volatile): written by authentication on every signed request;
 *   <li>{@link io.iamlocal.server.state.AccessActivity} (concurrent): recorded after each call,
 *       outside the lock;
 *   <li>one-time MFA codes ({@link io.iamlocal.server.state.MfaDevices#verifyCode}, synchronized on
 *       the device): verified by calls sharing the read lock;
 *   <li>the extension map itself (concurrent): readers under the read lock create extension stores
 *       on first use;
 *   <li>the current account ({@link io.iamlocal.server.state.IamLocalState}, volatile): a reset
 *       swaps it for a new one.
 * </ul>
 *
 * <h2>Links and quotas</h2>
 *
 * <p>Two-way links are kept by the state layer, never by a handler: {@code Group.addMember} /
 * {@code removeMember} keep group and user in step, {@code InstanceProfile.addRole} / {@code
 * removeRole} and {@code Role.leaveInstanceProfiles} keep profile and role in step; the link views
 * ({@code members()}, {@code groups()}, {@code roles()}, {@code instanceProfiles()}) are read-only.
 * Quotas that bound a link or a store live with it ({@code GroupsPerUser}, {@code
 * InstanceSessionsPerInstanceProfile}, the key, certificate and provider stores' quotas).
 */
package io.iamlocal.server.state;
