package health.citadel.localstack;

/** One demo login per role, as the realm template names them. */
enum DemoUser {
    PHYSICIAN("dr.house", "physician", true),
    NURSE("nurse.joy", "nurse", true),
    FRONT_DESK("front.desk", "front_desk", true),
    AUDITOR("auditor.ada", "auditor", true),
    ADMIN("admin.alan", "admin", true),
    DBA("dba.dana", "dba", true),
    PATIENT("patient.pat", "patient", false);

    final String username;
    final String role;
    /** Staff must use TOTP; their credential is enrolled with a known secret so scripts can log in. */
    final boolean staff;

    DemoUser(String username, String role, boolean staff) {
        this.username = username;
        this.role = role;
        this.staff = staff;
    }

    String passwordPlaceholder() {
        return "CITADEL_PW_" + name();
    }

    String totpPlaceholder() {
        return "CITADEL_TOTP_" + name();
    }
}
