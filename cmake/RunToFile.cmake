# cmake -DCMD="prog;arg;..." -DOUT=file -P RunToFile.cmake: runs CMD, its standard output
# into OUT; fails (and leaves no OUT) when CMD fails.
execute_process(COMMAND ${CMD} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "${CMD}: ${rc}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
