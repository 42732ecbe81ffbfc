-- The embedded staff user store (the default run; production may sign staff in through OIDC
-- instead). A password is kept only as its bcrypt hash; a user is disabled, never deleted, so
-- that the audit entries naming them keep a meaning.
CREATE TABLE staff_user (
    username       VARCHAR(64)   PRIMARY KEY,
    password_hash  VARCHAR(100)  NOT NULL,
    role           VARCHAR(20)   NOT NULL
        CHECK (role IN ('SOCIAL_WORKER', 'COORDINATOR', 'SECURITY_OFFICER', 'OPERATOR', 'COMMITTEE')),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled       BOOLEAN       NOT NULL DEFAULT FALSE
);
