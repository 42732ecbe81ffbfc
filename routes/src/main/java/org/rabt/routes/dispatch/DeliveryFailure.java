package org.rabt.routes.dispatch;

/** A card that cannot be delivered for a reason retrying will not fix. */
public final class DeliveryFailure extends RuntimeException {

    public DeliveryFailure(String message) {
        super(message);
    }
}
