{{/*
Expand the name of the chart.
*/}}
{{- define "gofer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A default fully qualified app name, cut to 63 characters because some Kubernetes name fields are
limited to that (by the DNS naming spec). A release name that contains the chart name is used as is.
*/}}
{{- define "gofer.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "gofer.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "gofer.labels" -}}
helm.sh/chart: {{ include "gofer.chart" . }}
{{ include "gofer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "gofer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gofer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The name of the service account to use.
*/}}
{{- define "gofer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gofer.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The Secret holding the admin token and the database and S3 credentials.
*/}}
{{- define "gofer.secretName" -}}
{{- default (include "gofer.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
The keys the chart's own Secret holds, space-separated; empty when it has nothing to hold.
*/}}
{{- define "gofer.chartSecretKeys" -}}
{{- $keys := list }}
{{- if .Values.auth.adminToken }}{{ $keys = append $keys "admin-token" }}{{ end }}
{{- if and (eq .Values.catalog.type "postgresql") .Values.catalog.postgresql.password }}{{ $keys = append $keys "database-password" }}{{ end }}
{{- if and (eq .Values.engine "s3") .Values.s3.accessKey }}{{ $keys = append $keys "s3-access-key" }}{{ end }}
{{- if and (eq .Values.engine "s3") .Values.s3.secretKey }}{{ $keys = append $keys "s3-secret-key" }}{{ end }}
{{- join " " $keys }}
{{- end }}

{{/*
"true" when the pods need the data volume: an SQLite catalog or the filesystem engine keep their
files in /data, which only one pod can use.
*/}}
{{- define "gofer.needsVolume" -}}
{{- if or (eq .Values.catalog.type "sqlite") (eq .Values.engine "filesystem") }}true{{ end }}
{{- end }}

{{/*
"true" when several replicas are safe: a PostgreSQL catalog and the bytes in S3, shared by all.
*/}}
{{- define "gofer.shared" -}}
{{- if and (eq .Values.catalog.type "postgresql") (eq .Values.engine "s3") }}true{{ end }}
{{- end }}

{{/*
Refuses combinations of values that would deploy something broken. Included by the Deployment.
*/}}
{{- define "gofer.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not (include "gofer.shared" .)) }}
{{- fail (printf "replicaCount=%d needs catalog.type=postgresql and engine=s3: with catalog.type=%s and engine=%s the data lives in one pod's volume" (int .Values.replicaCount) .Values.catalog.type .Values.engine) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (not (include "gofer.shared" .)) }}
{{- fail "autoscaling.enabled needs catalog.type=postgresql and engine=s3" }}
{{- end }}
{{- if and (eq .Values.catalog.type "postgresql") (not .Values.catalog.postgresql.url) }}
{{- fail "catalog.type=postgresql needs catalog.postgresql.url" }}
{{- end }}
{{- if and .Values.auth.enabled (not .Values.auth.adminToken) (not .Values.existingSecret) (not (include "gofer.needsVolume" .)) }}
{{- fail "set auth.adminToken or existingSecret: without a data volume, a token the service generates would not survive a restart, and replicas would each generate their own" }}
{{- end }}
{{- if and (eq .Values.engine "s3") (not .Values.s3.bucket) }}
{{- fail "engine=s3 needs s3.bucket" }}
{{- end }}
{{- end }}
