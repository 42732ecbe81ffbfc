package org.rabt.config.staff;

/** Codes for a staff request refused at the door: no sign-in, or a role that may not do this. */
public enum StaffProblem {
    SIGN_IN_REQUIRED("RABT-A004", 401, "Staff sign-in required",
            "sign in: HTTP Basic with your staff user name and password, or a bearer token from the identity provider"),
    ROLE_NOT_ALLOWED("RABT-A005", 403, "Role not allowed",
            "your role may not use this endpoint; see docs/staff-access.md for what each role may do");

    private final String code;
    private final int status;
    private final String title;
    private final String detail;

    StaffProblem(String code, int status, String title, String detail) {
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
