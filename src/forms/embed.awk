# embed.awk: the form CSV files as C strings, compiled into cchc-table and
# cchc-check. Usage: awk -f embed.awk index.csv bm1.csv ... > forms_data.c
BEGIN { print "/* Generated from the CSV files in src/forms by embed.awk: do not edit. */"
	print "#include <stddef.h>"
	print "#include \"forms.h\""
	print "const struct embedded_file embedded_forms[] = {" }
FNR == 1 { if (NR > 1) print "\"},"; name = FILENAME; sub(/.*\//, "", name); sub(/\.csv$/, "", name)
	printf "\t{\"%s\", \"", name }
{ line = $0; gsub(/\\/, "&&", line); gsub(/"/, "\\\"", line); sub(/\r$/, "", line); printf "%s\\n", line }
END { print "\"},"; print "\t{NULL, NULL},"; print "};" }
