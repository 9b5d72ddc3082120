{{/* One egress rule to an outside dependency (a key of networkPolicy.egress). */}}
{{- define "hearken.egressRule" -}}
{{- $egress := get .root.Values.networkPolicy.egress .dependency -}}
- ports:
    {{- toYaml $egress.ports | nindent 4 }}
  {{- with $egress.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
