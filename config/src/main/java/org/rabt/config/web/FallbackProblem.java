package org.rabt.config.web;

/**
 * Codes for requests answered before any route or controller: refused at the staff port's door
 * (no sign-in, a role that may not), no such endpoint, wrong method, and the like.
 */
public enum FallbackProblem {
    SIGN_IN_REQUIRED("RABT-A004", 401, "Staff sign-in required",
            "sign in: HTTP Basic with your staff user name and password, or a bearer token from the identity provider"),
    ROLE_NOT_ALLOWED("RABT-A005", 403, "Role not allowed",
            "your role may not use this endpoint; see docs/staff-access.md for what each role may do"),
    BAD_REQUEST("RABT-H400", 400, "Bad request", "the request is malformed"),
    NOT_FOUND("RABT-H404", 404, "Not found", "there is nothing at this path on this port; the exchange API "
            + "is POST /exchange/v1/<sector>/cards and GET /exchange/v1/<sector>/cards/{id} on the exchange port"),
    METHOD_NOT_ALLOWED("RABT-H405", 405, "Method not allowed", "this path does not take this HTTP method"),
    INTERNAL("RABT-H500", 500, "Internal error", "the hub could not process the request; try again later");

    private final String code;
    private final int status;
    private final String title;
    private final String detail;

    FallbackProblem(String code, int status, String title, String detail) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
