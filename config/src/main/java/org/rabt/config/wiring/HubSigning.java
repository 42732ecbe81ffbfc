package org.rabt.config.wiring;

import org.rabt.routes.dispatch.BodySigner;
import org.rabt.security.pki.HubPki;
import org.rabt.security.signature.DetachedSigner;
import org.springframework.stereotype.Component;

/** Signs what the hub sends with its own signing certificate (issued by the hub's CA). */
@Component
public final class HubSigning implements BodySigner {

    private final DetachedSigner signer;

    public HubSigning(HubPki pki) {
        this.signer = new DetachedSigner(pki.hubSigner());
    }

    @Override
    public String signBase64(byte[] body) {
        return signer.signBase64(body);
    }
}
