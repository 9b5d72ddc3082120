{{/*
Names, labels and the one table of who Hearken's services are, whom they call and what they reach outside.
Every template loops over "hearken.components", so a service added here gets every resource the others get.
*/}}

{{- define "hearken.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
The services. callers: who may open the API port (besides the gateway's public side); calls: whose API port it
opens; egress: outside dependencies it reaches (keys of networkPolicy.egress). Read from each service's
application.properties and `client` package: survey-service asks profile-service for the contact check,
profile-service asks survey-service for a customer's responses (export), webhook-service hands signed inbound
feedback to survey-service, the gateway relays to all four; only the gateway talks to Keycloak, the gateway has no
Kafka client, and only webhook-service reaches the internet (partners' endpoints).
*/}}
{{- define "hearken.components" -}}
gateway:
  name: gateway
  callers: []
  calls: [survey, profile, insight, webhook]
  egress: [keycloak]
  kafka: false
  postgresDatabase: ""
survey:
  name: survey-service
  callers: [gateway, profile, webhook]
  calls: [profile]
  egress: [kafka, mongodb, smtp, smsProvider]
  kafka: true
  postgresDatabase: ""
profile:
  name: profile-service
  callers: [gateway, survey]
  calls: [survey]
  egress: [kafka, postgres]
  kafka: true
  postgresDatabase: profileDatabase
insight:
  name: insight-service
  callers: [gateway]
  calls: []
  egress: [kafka, postgres]
  kafka: true
  postgresDatabase: insightDatabase
webhook:
  name: webhook-service
  callers: [gateway]
  calls: [survey]
  egress: [kafka, postgres, webhookEndpoints]
  kafka: true
  postgresDatabase: webhookDatabase
{{- end -}}

{{- define "hearken.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every resource of the release. */}}
{{- define "hearken.metaLabels" -}}
helm.sh/chart: {{ include "hearken.chartLabel" . }}
app.kubernetes.io/part-of: hearken
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
{{- end -}}

{{- define "hearken.commonLabels" -}}
{{ include "hearken.metaLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "name" "survey-service"). */}}
{{- define "hearken.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "hearken.labels" -}}
{{ include "hearken.metaLabels" .root }}
{{ include "hearken.selectorLabels" . }}
app.kubernetes.io/component: {{ .component | default "service" }}
{{- end -}}

{{/* <fullname>-<component name>, the name of a component's Deployment, Service, ConfigMap, ... */}}
{{- define "hearken.componentName" -}}
{{- printf "%s-%s" (include "hearken.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hearken.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .imageName (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* The Secret names: an existing Secret when given, else the one the chart makes (trials). */}}
{{- define "hearken.postgresSecret" -}}
{{- .Values.postgres.existingSecret | default (printf "%s-postgres" (include "hearken.fullname" .)) -}}
{{- end -}}
{{- define "hearken.mongodbSecret" -}}
{{- .Values.mongodb.existingSecret | default (printf "%s-mongodb" (include "hearken.fullname" .)) -}}
{{- end -}}
{{- define "hearken.invitationsSecret" -}}
{{- .Values.invitations.existingSecret | default (printf "%s-invitations" (include "hearken.fullname" .)) -}}
{{- end -}}
{{- define "hearken.credentialSecret" -}}
{{- .Values.credential.existingSecret | default (printf "%s-credential" (include "hearken.fullname" .)) -}}
{{- end -}}

{{- define "hearken.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{ end -}}
{{- end -}}
{{- define "hearken.kafkaUsesTls" -}}
{{- if has .Values.kafka.securityProtocol (list "SSL" "SASL_SSL") }}true{{ end -}}
{{- end -}}

{{/* Pod security: the restricted Pod Security Standard. */}}
{{- define "hearken.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Kafka client environment (bootstrap, SASL, TLS), read by the kubernetes profile of each service. The JAAS line is
composed by Kubernetes from the two secret variables defined just before it ($(VAR) expansion), so no credential
ever appears in a manifest or a ConfigMap. Those two are not named KAFKA_*: Quarkus hands every KAFKA_* variable to
the Kafka clients as a setting, and "sasl.username" is none.
*/}}
{{- define "hearken.kafkaSecretEnv" -}}
{{- if include "hearken.kafkaUsesSasl" . }}
{{- $module := ternary "plain.PlainLoginModule" "scram.ScramLoginModule" (eq .Values.kafka.sasl.mechanism "PLAIN") }}
- name: HEARKEN_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.existingSecret is required when kafka.securityProtocol is SASL_*" .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.usernameKey }}
- name: HEARKEN_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.passwordKey }}
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "org.apache.kafka.common.security.%s required username=\"$(HEARKEN_KAFKA_SASL_USERNAME)\" password=\"$(HEARKEN_KAFKA_SASL_PASSWORD)\";" $module | quote }}
{{- end }}
{{- end -}}

{{- define "hearken.kafkaConfigEnv" -}}
KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ .Values.kafka.securityProtocol | quote }}
{{- if include "hearken.kafkaUsesSasl" . }}
KAFKA_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if include "hearken.kafkaUsesTls" . }}
KAFKA_SSL_TRUSTSTORE_TYPE: PEM
{{- if .Values.kafka.tls.caSecret }}
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/hearken/kafka-ca/%s" .Values.kafka.tls.caKey | quote }}
{{- else }}
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ .Values.kafka.tls.systemCaBundle | quote }}
{{- end }}
{{- end }}
HEARKEN_TOPICS_MANAGE: {{ .Values.kafka.topics.manage | quote }}
HEARKEN_TOPIC_REPLICATION_FACTOR: {{ .Values.kafka.topics.replicationFactor | quote }}
HEARKEN_TOPIC_MIN_INSYNC_REPLICAS: {{ .Values.kafka.topics.minInsyncReplicas | quote }}
{{- end -}}

{{/* PostgreSQL environment of a service (call with (dict "root" $ "database" "hearken_profile")). */}}
{{- define "hearken.postgresSecretEnv" -}}
- name: POSTGRES_USER
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.postgresSecret" .root }}
      key: {{ .root.Values.postgres.userKey }}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "hearken.postgresSecret" .root }}
      key: {{ .root.Values.postgres.passwordKey }}
{{- end -}}

{{/* Topology spread over zones and nodes for one component. */}}
{{- define "hearken.topologySpread" -}}
{{- if .root.Values.topologySpread.enabled }}
topologySpreadConstraints:
{{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: {{ $.root.Values.topologySpread.maxSkew }}
    topologyKey: {{ $key }}
    whenUnsatisfiable: {{ $.root.Values.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "hearken.selectorLabels" (dict "root" $.root "name" $.name) | nindent 8 }}
{{- end }}
{{- end }}
{{- end -}}
