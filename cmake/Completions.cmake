# Shell completion scripts for bash, zsh and fish, generated at build time by the built
# binary (`cti completion SHELL`, from its command table) and installed where each
# shell looks for them:
#   share/bash-completion/completions/cti, share/zsh/vendor-completions/_cti,
#   share/fish/vendor_completions.d/cti.fish
set(CTI_COMPLETION_DIR ${PROJECT_BINARY_DIR}/completions)
set(CTI_COMPLETIONS)
foreach(spec "bash;cti;bash-completion/completions" "zsh;_cti;zsh/vendor-completions"
             "fish;cti.fish;fish/vendor_completions.d")
  list(GET spec 0 shell)
  list(GET spec 1 file)
  list(GET spec 2 dest)
  set(out ${CTI_COMPLETION_DIR}/${shell}/${file})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CTI_COMPLETION_DIR}/${shell}
    COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:cti>;completion;${shell}" -DOUT=${out}
            -P ${PROJECT_SOURCE_DIR}/cmake/RunToFile.cmake
    DEPENDS cti ${PROJECT_SOURCE_DIR}/cmake/RunToFile.cmake
    COMMENT "cti completion ${shell}" VERBATIM)
  list(APPEND CTI_COMPLETIONS ${out})
  install(FILES ${out} DESTINATION ${CMAKE_INSTALL_DATADIR}/${dest})
endforeach()
add_custom_target(cti_completions ALL DEPENDS ${CTI_COMPLETIONS})
