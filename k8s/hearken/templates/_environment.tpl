{{/*
The environment each service reads through the kubernetes profile of its application.properties. Non-secret
values go to the component's ConfigMap ("hearken.configData"); credentials are referenced from Secrets in the
Deployment ("hearken.secretEnv"). Call both with (dict "root" $ "key" "survey" "component" <hearken.components entry>).
*/}}

{{- define "hearken.serviceUrl" -}}
{{- $component := get (include "hearken.components" .root | fromYaml) .key -}}
{{- $service := get .root.Values.services .key -}}
{{- printf "http://%s:%v" (include "hearken.componentName" (dict "root" .root "name" $component.name)) $service.port -}}
{{- end -}}

{{- define "hearken.configData" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $service := get $values.services .key -}}
QUARKUS_PROFILE: {{ $values.quarkusProfile | quote }}
QUARKUS_HTTP_PORT: {{ $service.port | quote }}
QUARKUS_MANAGEMENT_PORT: {{ $service.managementPort | quote }}
JAVA_TOOL_OPTIONS: {{ $service.javaToolOptions | quote }}
HEARKEN_TRACING_DISABLED: {{ not $values.observability.tracing.enabled | quote }}
{{- if $values.observability.tracing.enabled }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $values.observability.tracing.otlpEndpoint | quote }}
{{- end }}
{{- if .component.kafka }}
{{ include "hearken.kafkaConfigEnv" $root }}
{{- end }}
{{- if .component.postgresDatabase }}
HEARKEN_MIGRATE_AT_START: {{ not $values.postgres.migrationJob.enabled | quote }}
HEARKEN_VALIDATE_SCHEMA_AT_START: {{ $values.postgres.migrationJob.enabled | quote }}
POSTGRES_HOST: {{ $values.postgres.host | quote }}
POSTGRES_PORT: {{ $values.postgres.port | quote }}
POSTGRES_DB: {{ get $values.postgres .component.postgresDatabase | quote }}
{{- end }}
{{- if eq .key "gateway" }}
KEYCLOAK_URL: {{ $values.keycloak.url | quote }}
KEYCLOAK_REALM: {{ $values.keycloak.realm | quote }}
{{- with $values.keycloak.publicUrl }}
HEARKEN_CONSOLE_KEYCLOAK_URL: {{ . | quote }}
{{- end }}
SURVEY_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "survey") | quote }}
PROFILE_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "profile") | quote }}
INSIGHT_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "insight") | quote }}
WEBHOOK_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "webhook") | quote }}
{{- with $values.gateway.corsOrigins }}
HEARKEN_CORS_ORIGINS: {{ . | quote }}
{{- end }}
HEARKEN_OIDC_AUDIENCE: {{ $values.gateway.oidcAudience | quote }}
HEARKEN_TRUSTED_PROXIES: {{ join "," $values.gateway.trustedProxies | quote }}
{{- /*
The quotas have no variable of their own in application.properties: these are the environment forms of
hearken.gateway.limits.* that Quarkus matches to the properties. A client's limit is a map entry, whose key (a client
id with dashes) only the dotted form keeps intact; Kubernetes allows dots and dashes in variable names. Numbers go
through int64 so that a large quota is not written as 1e+06.
*/}}
{{- with $values.gateway.limits }}
HEARKEN_GATEWAY_LIMITS_PER_TENANT: {{ .perTenant | int64 | quote }}
HEARKEN_GATEWAY_LIMITS_PER_CLIENT: {{ .perClient | int64 | quote }}
HEARKEN_GATEWAY_LIMITS_PER_ADDRESS: {{ .perAddress | int64 | quote }}
HEARKEN_GATEWAY_LIMITS_PER_SURVEY: {{ .perSurvey | int64 | quote }}
{{- range $client, $quota := .clientLimits }}
hearken.gateway.limits.client-limits.{{ $client }}: {{ $quota | int64 | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .key "survey" }}
MONGODB_DATABASE: {{ $values.mongodb.database | quote }}
PROFILE_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "profile") | quote }}
HEARKEN_INVITATION_LINK_BASE_URL: {{ $values.invitations.linkBaseUrl | quote }}
HEARKEN_SMS_INBOUND_URL: {{ $values.invitations.smsInboundUrl | quote }}
HEARKEN_CONTACT_CHECK: {{ $values.invitations.contactCheck | quote }}
HEARKEN_MAIL_FROM: {{ $values.invitations.mailFrom | quote }}
{{- with $values.invitations.smsProviderUrl }}
SMS_PROVIDER_URL: {{ . | quote }}
{{- end }}
{{- with $values.invitations.smtp }}
{{- if .host }}
SMTP_HOST: {{ .host | quote }}
SMTP_PORT: {{ .port | quote }}
SMTP_TLS: {{ .tls | quote }}
SMTP_START_TLS: {{ .startTls | quote }}
SMTP_LOGIN: {{ .login | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .key "profile" }}
SURVEY_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "survey") | quote }}
{{- end }}
{{- if eq .key "webhook" }}
SURVEY_SERVICE_URL: {{ include "hearken.serviceUrl" (dict "root" $root "key" "survey") | quote }}
{{- /* Empty unless values name private blocks: deliveries then reach public addresses only. */}}
HEARKEN_WEBHOOK_ALLOWED_NETWORKS: {{ join "," $values.webhooks.allowedNetworks | quote }}
{{- end }}
{{- end -}}

{{- define "hearken.secretEnv" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
- name: HEARKEN_CREDENTIAL_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.credentialSecret" $root }}
      key: {{ $values.credential.keyKey }}
- name: HEARKEN_CREDENTIAL_ACCEPTED_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.credentialSecret" $root }}
      key: {{ $values.credential.acceptedKeysKey }}
      optional: true
{{- if and (eq .key "gateway") $values.redis.enabled }}
- name: HEARKEN_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "redis.existingSecret is required when redis.enabled is true" $values.redis.existingSecret }}
      key: {{ $values.redis.urlKey }}
{{- end }}
{{- if .component.kafka }}
{{- include "hearken.kafkaSecretEnv" $root }}
{{- end }}
{{- if .component.postgresDatabase }}
{{ include "hearken.postgresSecretEnv" (dict "root" $root) }}
{{- end }}
{{- if eq .key "survey" }}
- name: MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.mongodbSecret" $root }}
      key: {{ $values.mongodb.uriKey }}
- name: HEARKEN_INVITATION_SIGNING_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.invitationsSecret" $root }}
      key: {{ $values.invitations.signingKeyKey }}
- name: HEARKEN_SMS_AUTH_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.invitationsSecret" $root }}
      key: {{ $values.invitations.smsAuthTokenKey }}
{{- with $values.invitations.smtp }}
{{- if .existingSecret }}
- name: SMTP_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .usernameKey }}
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
