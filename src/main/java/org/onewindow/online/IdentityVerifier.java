package org.onewindow.online;

/**
 * Says whether an identity number really belongs to the person signed in with a phone — the step
 * that ties an online applicant to their shared material library. The default
 * ({@link RegisteredIdentities}) knows the identities a clerk verified in person against the ID
 * card; a provincial real-name service (实名认证) plugs in as another bean implementing this.
 */
public interface IdentityVerifier {

    /** True when the identity number {@code idNumber} is verified for {@code phone}. */
    boolean verified(String phone, String idNumber);
}
