"""Auth-specific errors, each with a stable problem type."""

from kakeibo.core.errors import Conflict, Forbidden, KakeiboError, NotFound, Unauthorized, ValidationFailed


class InvalidCredentials(Unauthorized):
    type = "/problems/invalid-credentials"
    title = "Invalid credentials"


class InvalidToken(Unauthorized):
    type = "/problems/invalid-token"
    title = "Invalid token"


class TokenExpired(Unauthorized):
    type = "/problems/token-expired"
    title = "Token expired"


class TokenRevoked(Unauthorized):
    type = "/problems/token-revoked"
    title = "Token revoked"


class RefreshTokenReused(TokenRevoked):
    """A refresh token came back after it had been exchanged: its family is revoked (and that must be kept)."""


class InvalidApiKey(Unauthorized):
    type = "/problems/invalid-api-key"
    title = "Invalid API key"


class ApiKeyNotAllowed(Forbidden):
    type = "/problems/api-key-not-allowed"
    title = "Not allowed with an API key"


class HouseholdNotFound(NotFound):
    type = "/problems/household-not-found"
    title = "Household not found"


class UserNotFound(NotFound):
    type = "/problems/user-not-found"
    title = "User not found"


class MemberNotFound(NotFound):
    type = "/problems/member-not-found"
    title = "Member not found"


class ApiKeyNotFound(NotFound):
    type = "/problems/api-key-not-found"
    title = "API key not found"


class AlreadyMember(Conflict):
    type = "/problems/already-member"
    title = "Already a member"


class LastOwner(Conflict):
    type = "/problems/last-owner"
    title = "A household needs an owner"


class RegistrationClosed(Forbidden):
    type = "/problems/registration-closed"
    title = "Registration closed"


class InvitationNotValid(ValidationFailed):
    type = "/problems/invitation-not-valid"
    title = "Invitation not valid"


class InvitationNotFound(NotFound):
    type = "/problems/invitation-not-found"
    title = "Invitation not found"


class PasswordChanged(Conflict):
    type = "/problems/password-changed"
    title = "Password changed meanwhile"


class RateLimiterUnavailable(KakeiboError):
    status_code = 503
    type = "/problems/rate-limiter-unavailable"
    title = "Rate limiter unavailable"
