package org.rabt.routes.dispatch;

/** Signs an outbound body with the hub's key: base64 of a detached CMS SignedData. */
@FunctionalInterface
public interface BodySigner {

    String signBase64(byte[] body);
}
