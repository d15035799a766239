# cmake -DIN=file -DOUT=file.gz -P GzipFile.cmake: gzip -9n IN into OUT (no name, no
# time stamp in the header, so the package is the same from build to build).
execute_process(COMMAND gzip -9nc ${IN} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "gzip ${IN}: ${rc}")
endif()
